#include "counter.h"
void counter_add(long n) { (void)n; }
long counter_total(void) { return 0; }
