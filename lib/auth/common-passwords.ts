// Passwords of 8 characters or more that lead the lists of leaked passwords: guessed first by anyone
// trying accounts, so refused at sign-up and on a change. Compared without case.
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  "password", "password1", "password12", "password123", "password1234", "password!", "passw0rd", "p@ssw0rd", "p@ssword",
  "p@55w0rd", "pa55word", "pa55w0rd", "passpass", "passwort", "motdepasse", "contraseña", "contrasena",
  "12345678", "123456789", "1234567890", "12345678910", "0123456789", "01234567", "87654321", "987654321", "9876543210",
  "11111111", "111111111", "1111111111", "00000000", "000000000", "0000000000", "22222222", "55555555", "66666666",
  "77777777", "88888888", "99999999", "12341234", "11223344", "12344321", "123123123", "12121212", "123321123",
  "1q2w3e4r", "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4", "q1w2e3r4t5", "1qaz2wsx", "1qaz2wsx3edc", "zaq12wsx", "zaq1zaq1",
  "12qwaszx", "qazwsxedc", "qweasdzxc", "123qweasd", "qwer1234", "1234qwer", "abcd1234", "1234abcd", "abc12345",
  "abcdefgh", "abcdefg1", "aaaaaaaa", "asdfasdf", "asdfghjk", "asdfghjkl", "asdf1234", "qwertyui", "qwertyuiop",
  "qwerty12", "qwerty123", "qwerty1234", "qwertyu1", "zxcvbnm1", "zxcvbnma", "zxcvbnm123", "azertyui", "azertyuiop",
  "iloveyou", "iloveyou1", "iloveyou2", "sunshine", "sunshine1", "princess", "princess1", "football", "football1",
  "baseball", "baseball1", "basketball", "superman", "batman123", "starwars", "whatever", "computer", "internet",
  "michelle", "jennifer", "jessica1", "michael1", "jordan23", "corvette", "mercedes", "liverpool", "chelsea1",
  "arsenal1", "manchester", "letmein1", "letmein123", "welcome1", "welcome123", "welcome!", "trustno1", "babygirl",
  "babygirl1", "lovely123", "charlie1", "shadow12", "master12", "monkey123", "dragon123", "freedom1", "whatever1",
  "admin123", "admin1234", "administrator", "changeme", "changeme1", "default1", "secret12", "secret123", "letmein!",
  "test1234", "testtest", "testing1", "testing123", "guest123", "user1234", "login123", "access14", "access123",
  "samsung1", "iphone12", "google123", "facebook", "linkedin", "qwerty!@", "!qaz2wsx", "1234567a", "a1234567",
  "a12345678", "aa123456", "aa12345678", "abc123456", "abcd12345", "123456abc", "123456aa", "123abc123", "password2",
  "linux123", "ubuntu123", "raspberry", "toor1234", "rootroot", "root1234", "kernel123", "osprep123", "osprep1234",
  "interview", "interview1", "leetcode", "leetcode1", "hunter22", "letmeinnow", "opensesame", "myspace1", "nicole12",
  "anthony1", "jonathan", "jasmine1", "matthew1", "danielle", "benjamin", "victoria", "princesa", "tinkerbell",
  "elizabeth", "alexander", "butterfly", "chocolate", "pokemon1", "minecraft", "fortnite", "playstation", "spiderman",
  "blink182", "metallica", "1234567890q", "q1234567", "qwe12345", "qwe123qwe", "asd12345", "zxc12345", "1password",
]);

/** True when a password is among the common ones or says nothing (only spaces, one character repeated). */
export function isGuessablePassword(password: string): boolean {
  if (password.trim() === "") return true;
  if (/^(.)\1*$/su.test(password)) return true;
  return COMMON_PASSWORDS.has(password.toLowerCase());
}
