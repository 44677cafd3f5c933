// attack: makes a setuid copy of a shell in /tmp and runs it.
// expect: OK
// stdout: ^cannot run it: Permission denied\n$
// must not: gain privileges: /tmp is noexec and nosuid, and no-new-privileges holds.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
    FILE *in = fopen("/bin/sh", "rb"), *out = fopen("/tmp/rootshell", "wb");
    char buffer[65536];
    size_t n;
    while (in && out && (n = fread(buffer, 1, sizeof buffer, in)) > 0) fwrite(buffer, 1, n, out);
    if (out) fclose(out);
    chmod("/tmp/rootshell", 04755);
    execl("/tmp/rootshell", "sh", "-c", "id -u", (char *)0);
    printf("cannot run it: %s\n", strerror(errno));
    return 0;
}
