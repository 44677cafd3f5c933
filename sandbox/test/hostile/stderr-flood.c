// attack: floods standard error instead of standard output.
// expect: OLE
// must not: escape the cap because it is the other stream.
#include <stdio.h>
int main(void) {
    for (;;) fputs("error error error error error error error error\n", stderr);
}
