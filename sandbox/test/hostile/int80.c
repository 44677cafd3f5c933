// attack: the 32-bit system call entry (int 0x80), which a filter written for 64-bit calls may miss.
// expect: RE
// stderr-or-signal: SIGSYS
// must not: reach the kernel: the profile admits x86-64 system calls only, and the kernel kills a
// process that uses another architecture's entry (SIGSYS).
#include <stdio.h>
int main(void) {
    long result;
    __asm__ volatile("int $0x80" : "=a"(result) : "a"(20L) : "memory"); /* 20 = getpid on i386 */
    puts(result < 0 ? "int 0x80 refused" : "INT 0x80 REACHED THE KERNEL");
    return 0;
}
