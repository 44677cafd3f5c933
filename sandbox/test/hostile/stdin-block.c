// attack: waits for input that never comes.
// expect: OK
// stdout: ^end of input\n$
// must not: block: standard input is a file that ends.
#include <stdio.h>
#include <unistd.h>
int main(void) {
    char buffer[4096];
    while (read(0, buffer, sizeof buffer) > 0) {}
    puts("end of input");
    return 0;
}
