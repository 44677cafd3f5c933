// The test harness (read-only): runs producer and consumer goroutines against your Buffer and
// checks every item arrives exactly once, in order, without the buffer ever holding more than its
// capacity, that Close wakes everyone and that closing twice is harmless. It writes its report on
// its own descriptor: fmt.Print goes to stderr, so you may debug with it. Your buffer.go is package
// buffer, which this harness imports.
//
// Input: a nonce line, then "P C CAPACITY N PRODUCER_PAUSE_US CONSUMER_START_MS SPURIOUS_PERMILLE MODE"
// (spurious wakeups cannot be injected into sync.Cond; many goroutines contend instead).
package main

import (
	"fmt"
	"os"
	"osprep/buffer"
	"sync"
	"sync/atomic"
	"time"
)

const stall = 2 * time.Second

// A run that has failed ends this long after.
const failedGrace = time.Second

var (
	producers, consumers, mode                       int
	capacity, items, pauseMicros, startMillis, spurs int64
	buf                                              *buffer.Buffer

	putsDone, getsStarted, getsDone, accepted, inPut, inGet, progress atomic.Int64
	closed                                                            atomic.Bool
	seen                                                              []atomic.Int32
	sumMu                                                             sync.Mutex
	checksum                                                          uint32
	delivered                                                         int64
)

func mix(producer, sequence uint32) uint32 {
	x := producer*0x9E3779B1 ^ sequence
	x ^= x >> 16
	x *= 0x85EBCA6B
	return x ^ x>>13
}

func writeReport() {
	sumMu.Lock()
	reportNumber("delivered", delivered)
	reportNumber("checksum", int64(checksum))
	sumMu.Unlock()
	reportNumber("accepted", accepted.Load())
	reportEnd()
}

// watchdog: no progress for stall means a deadlock or a lost wakeup; a run that has failed ends
// failedGrace after (a race can keep it busy forever: a count gone wrong).
func watchdog() {
	last, still, failedFor := int64(-1), time.Duration(0), time.Duration(0)
	for {
		time.Sleep(50 * time.Millisecond)
		if reportFailed() {
			if failedFor += 50 * time.Millisecond; failedFor >= failedGrace {
				writeReport()
				os.Exit(0)
			}
		}
		now := progress.Load()
		if now != last {
			last, still = now, 0
			continue
		}
		still += 50 * time.Millisecond
		putting, getting := inPut.Load(), inGet.Load()
		if still < stall || (putting == 0 && getting == 0) {
			continue
		}
		if closed.Load() {
			reportFail("After Close, %d goroutine(s) were still waiting in Put and %d in Get for %v: Close must wake every waiter, and Get on a closed, empty buffer must return false.", putting, getting, stall)
		} else {
			reportFail("No progress for %v: %d producer(s) waiting in Put, %d consumer(s) waiting in Get, about %d item(s) in the buffer (capacity %d). A deadlock, or a wakeup that was never sent: after a Put, a waiting Get must be woken, and after a Get, a waiting Put.", stall, putting, getting, putsDone.Load()-getsDone.Load(), capacity)
		}
		writeReport()
		os.Exit(0)
	}
}

func producer(p int64) {
	for s := int64(0); s < items; s++ {
		if pauseMicros > 0 {
			time.Sleep(time.Duration(pauseMicros) * time.Microsecond)
		}
		inPut.Add(1)
		ok := buf.Put(p<<32 | s)
		inPut.Add(-1)
		progress.Add(1)
		if !ok {
			if !closed.Load() {
				reportFail("Put returned false on an open buffer: it must wait until there is room (after every wakeup, check the buffer again: for, not if).")
			}
			return
		}
		accepted.Add(1)
		if held := putsDone.Add(1) - getsStarted.Load(); held > capacity {
			reportFail("The buffer held at least %d items at once; its capacity is %d: Put must wait while the buffer is full.", held, capacity)
		}
	}
}

func take(last map[int64]int64, item int64) {
	p, s := item>>32, item&0xffffffff
	if item < 0 || p >= int64(producers) || s >= items {
		reportFail("Get returned %d, which no producer put: an item taken from an empty buffer (check the buffer again after every wakeup: for, not if) or a broken index.", item)
		return
	}
	if times := seen[p*items+s].Add(1); times > 1 {
		reportFail("Item %d of producer %d was delivered %d times: each item must be taken once.", s, p, times)
	}
	if previous, ok := last[p]; ok && s <= previous {
		reportFail("A consumer got item %d of producer %d after its item %d: items must come out in the order they went in (first in, first out).", s, p, previous)
	}
	last[p] = s
	sumMu.Lock()
	checksum += mix(uint32(p), uint32(s))
	delivered++
	sumMu.Unlock()
}

func consumer(done *sync.WaitGroup) {
	defer done.Done()
	if startMillis > 0 {
		time.Sleep(time.Duration(startMillis) * time.Millisecond)
	}
	last := map[int64]int64{}
	for {
		getsStarted.Add(1)
		inGet.Add(1)
		item, ok := buf.Get()
		inGet.Add(-1)
		progress.Add(1)
		if !ok {
			if !closed.Load() {
				reportFail("Get returned false on an open buffer: it must wait until an item arrives (after every wakeup, check the buffer again: for, not if).")
			}
			return
		}
		getsDone.Add(1)
		take(last, item)
	}
}

// afterClose: a closed buffer refuses Puts; a closed, drained one refuses Gets; closing again changes nothing.
func afterClose(drained bool) {
	buf.Close()
	inGet.Add(1)
	if buf.Put(1) {
		reportFail("Put on a closed buffer must return false (also after a second Close).")
	}
	if drained {
		if _, ok := buf.Get(); ok {
			reportFail("Get on a closed, empty buffer must return false (also after a second Close).")
		}
	}
	inGet.Add(-1)
}

func main() {
	reportBegin()
	if n, _ := fmt.Fscan(os.Stdin, &producers, &consumers, &capacity, &items, &pauseMicros, &startMillis, &spurs, &mode); n != 8 || producers < 1 || producers > 32 || consumers < 0 || consumers > 32 || capacity < 1 || items < 1 {
		fmt.Fprintln(os.Stderr, "harness: bad scenario")
		os.Exit(2)
	}
	seen = make([]atomic.Int32, int64(producers)*items)
	buf = buffer.NewBuffer(int(capacity))
	go watchdog()
	var producing, consuming sync.WaitGroup
	for c := 0; c < consumers; c++ {
		consuming.Add(1)
		go consumer(&consuming)
	}
	for p := 0; p < producers; p++ {
		producing.Add(1)
		go func(p int64) { defer producing.Done(); producer(p) }(int64(p))
	}
	if mode == 1 {
		for inPut.Load() < int64(producers) && accepted.Load() < int64(producers)*items {
			time.Sleep(time.Millisecond)
		}
		time.Sleep(50 * time.Millisecond)
		closed.Store(true)
		buf.Close()
		producing.Wait()
		afterClose(false)
		inGet.Add(1)
		last := map[int64]int64{}
		for {
			item, ok := buf.Get()
			if !ok {
				break
			}
			progress.Add(1)
			take(last, item)
		}
		inGet.Add(-1)
	} else {
		producing.Wait()
		closed.Store(true)
		// Closing twice is harmless: consumers still drain what is inside, then stop.
		buf.Close()
		buf.Close()
		consuming.Wait()
		afterClose(true)
	}
	sumMu.Lock()
	total := delivered
	sumMu.Unlock()
	if total != accepted.Load() {
		reportFail("%d item(s) were put but %d came out: items were lost or invented.", accepted.Load(), total)
	}
	writeReport()
	os.Exit(0)
}
