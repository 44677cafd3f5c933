package counter

import "sync"

var (
	mu    sync.Mutex
	total int64
)

func CounterAdd(n int64) { mu.Lock(); total += n; mu.Unlock() }
func CounterTotal() int64 { mu.Lock(); defer mu.Unlock(); return total }
