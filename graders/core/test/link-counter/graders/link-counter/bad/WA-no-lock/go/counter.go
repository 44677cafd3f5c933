package counter

var total int64

func CounterAdd(n int64) { total += n }
func CounterTotal() int64 { return total }
