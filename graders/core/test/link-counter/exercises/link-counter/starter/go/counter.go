package counter

func CounterAdd(n int64) {}
func CounterTotal() int64 { return 0 }
