// attack: leaves System V IPC objects (shared memory, a message queue, a semaphore set) for the next
// run to find: a cache of answers that outlives the run, e.g. across a performance check's repeats.
// runs: 2
// expect: OK
// stdout: ^fresh\n$
// must not: find them in the next run: the supervisor removes what a run left in the container's IPC namespace.
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
int main(void) {
    int shm = shmget(0x05ec, 4096, 0600);
    int msg = msgget(0x05ec, 0600);
    int sem = semget(0x05ec, 1, 0600);
    if (shm >= 0 || msg >= 0 || sem >= 0) {
        puts("LEAKED from an earlier run");
        return 0;
    }
    shm = shmget(0x05ec, 4096, IPC_CREAT | 0600);
    char *cache = shmat(shm, NULL, 0);
    if (cache != (void *)-1) strcpy(cache, "answers");
    msgget(0x05ec, IPC_CREAT | 0600);
    semget(0x05ec, 1, IPC_CREAT | 0600);
    puts("fresh");
    return 0;
}
