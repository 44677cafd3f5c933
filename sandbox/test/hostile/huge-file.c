// attack: writes one 1 GiB file.
// expect: RE
// must not: get past the file-size limit (16 MiB): the kernel sends SIGXFSZ.
#include <stdio.h>
static char block[1 << 20];
int main(void) {
    FILE *f = fopen("/tmp/huge", "w");
    if (!f) return 3;
    for (int i = 0; i < 1024; i++) fwrite(block, 1, sizeof block, f);
    fclose(f);
    puts("wrote 1 GiB");
    return 0;
}
