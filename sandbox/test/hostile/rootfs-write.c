// attack: writes over system files and its own program.
// expect: OK
// stdout: ^refused 4/4\n$
// must not: change a file outside /tmp: the root file system and the program are read-only.
#include <stdio.h>
int main(void) {
    const char *targets[] = {"/etc/passwd", "/usr/bin/evil", "/box/out/prog", "/io/stdin"};
    int refused = 0;
    for (int i = 0; i < 4; i++) {
        FILE *f = fopen(targets[i], "w");
        if (!f) refused++;
        else fclose(f);
    }
    printf("refused %d/4\n", refused);
    return 0;
}
