// attack: compile-time read of an endless file: #include "/dev/random".
// expect: CE
// must not: hang the compile container or the worker: the compile limits (memory, 40 s wall) stop it.
#include "/dev/random"
int main(void) { return 0; }
