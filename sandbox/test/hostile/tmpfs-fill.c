// attack: fills /tmp with 1 MiB files until something stops it.
// expect: OK
// stdout: ^stopped after \d+ MiB: No space left on device\n$
// must not: write to the host's disk (the tmpfs is 64 MiB of memory).
#include <errno.h>
#include <stdio.h>
#include <string.h>
static char block[1 << 20];
int main(void) {
    for (int i = 0;; i++) {
        char name[64];
        snprintf(name, sizeof name, "/tmp/fill-%d", i);
        FILE *f = fopen(name, "w");
        if (!f || fwrite(block, 1, sizeof block, f) != sizeof block || fclose(f) != 0) {
            printf("stopped after %d MiB: %s\n", i, strerror(errno));
            return 0;
        }
    }
}
