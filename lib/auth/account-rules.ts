// What a name, an email address and a password must be, said once for the sign-up form and for the
// server's auth hooks (which hold whatever a client sends). Each returns the problem, or null.
import { isGuessablePassword } from "@/lib/auth/common-passwords";

export const NAME_MAX_LENGTH = 80;
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** RFC 5321: a path of 256 octets holds an address of at most 254; a local part of at most 64; labels of at most 63. */
const EMAIL_MAX_LENGTH = 254;
const EMAIL_LOCAL_MAX_LENGTH = 64;
const DOMAIN_LABEL_MAX_LENGTH = 63;

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function nameProblem(name: unknown): string | null {
  if (typeof name !== "string" || name.trim() === "") return "Tell us what to call you.";
  if (name.trim().length > NAME_MAX_LENGTH) return `Keep your name to ${NAME_MAX_LENGTH} characters.`;
  if (CONTROL_CHARACTER.test(name)) return "A name cannot hold control characters.";
  return null;
}

export function emailProblem(email: unknown): string | null {
  if (typeof email !== "string") return "Enter a valid email address.";
  if (email.length > EMAIL_MAX_LENGTH) return `An email address has at most ${EMAIL_MAX_LENGTH} characters.`;
  const at = email.lastIndexOf("@");
  if (at > EMAIL_LOCAL_MAX_LENGTH) return `The part before @ has at most ${EMAIL_LOCAL_MAX_LENGTH} characters.`;
  if (
    email
      .slice(at + 1)
      .split(".")
      .some((label) => label.length > DOMAIN_LABEL_MAX_LENGTH)
  ) {
    return `Each part of the domain has at most ${DOMAIN_LABEL_MAX_LENGTH} characters.`;
  }
  if (CONTROL_CHARACTER.test(email)) return "Enter a valid email address.";
  return null;
}

export function passwordProblem(password: unknown): string | null {
  if (typeof password !== "string") return "Choose a password.";
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (isGuessablePassword(password)) return "That password is among the first ones anyone guesses; choose another.";
  return null;
}
