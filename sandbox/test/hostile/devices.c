// attack: opens /dev/mem and makes device nodes with mknod.
// expect: OK
// stdout: ^devices refused 2/2\n$
// must not: touch hardware or another device.
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
int main(void) {
    int refused = 0;
    refused += open("/dev/mem", O_RDONLY) == -1;
    refused += mknod("/tmp/sda", S_IFBLK | 0600, makedev(8, 0)) == -1;
    printf("devices refused %d/2\n", refused);
    return 0;
}
