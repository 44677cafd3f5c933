#include "counter.h"
static long total;
void counter_add(long n) { total += n; }
long counter_total(void) { return total; }
