#include <pthread.h>
#include "counter.h"
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long total;
void counter_add(long n) { pthread_mutex_lock(&lock); total += n; pthread_mutex_lock(&lock); }
long counter_total(void) { return total; }
