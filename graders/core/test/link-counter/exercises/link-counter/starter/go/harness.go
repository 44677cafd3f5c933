// The harness: reads "<nonce>\n<threads> <adds>", runs the goroutines, reports on its own descriptor
// (report.go, shared by every link exercise). The user's counter.go is package counter, which it
// imports.
package main

import (
	"fmt"
	"os"
	"osprep/counter"
	"sync"
)

func main() {
	reportBegin()
	var threads, adds int
	if n, _ := fmt.Fscan(os.Stdin, &threads, &adds); n != 2 {
		os.Exit(2)
	}
	var wg sync.WaitGroup
	for t := 0; t < threads; t++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < adds; i++ {
				counter.CounterAdd(1)
			}
		}()
	}
	wg.Wait()
	reportNumber("total", counter.CounterTotal())
	reportEnd()
}
