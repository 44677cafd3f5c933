/* The API under test: threads call counter_add concurrently; counter_total is read once they are done. */
void counter_add(long n);
long counter_total(void);
