// attack: compile-time read of a secret: #include "/etc/shadow".
// expect: CE
// compiler: Permission denied
// must not: print the file in the compiler's message (the compiler runs unprivileged).
#include "/etc/shadow"
int main(void) { return 0; }
