// The driver (read-only): calls your EchoLines on standard input and output the way the kernel may
// serve them. Your descriptors 0 and 1 are pipes that the driver fills and drains: your first reads
// return short pieces, cut at awkward places (inside a multi-byte character, just before a newline),
// and your first large writes are cut short (a signal interrupts them once part is written), as
// read(2) and write(2) may. Then it checks that EchoLines returns an error when a read or a write
// fails.
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"syscall"
	"time"
	"unsafe"
)

const (
	cutCalls     = 64        // how many of the first reads are cut short
	cutWindow    = 4096      // within how much of their data
	cutOutput    = 64 * 1024 // how much of the output passes a pipe small enough to cut writes
	smallPipe    = 4096
	fSetPipeSize = 1031 // F_SETPIPE_SZ
)

var randomState uint32 = 0x2545F491

func nextRandom() uint32 {
	randomState ^= randomState << 13
	randomState ^= randomState >> 17
	randomState ^= randomState << 5
	return randomState
}

// awkwardCut is how many bytes of data one read gets: all of them, those before a newline, those
// before the middle of a character, or some. Never 0.
func awkwardCut(data []byte) int {
	if len(data) < 2 {
		return len(data)
	}
	window := data
	if len(window) > cutWindow {
		window = window[:cutWindow]
	}
	switch nextRandom() % 4 {
	case 0:
		return len(data)
	case 1:
		if newline := bytes.IndexByte(window[1:], '\n'); newline >= 0 {
			return newline + 1
		}
	case 2:
		for i := 1; i < len(window); i++ {
			if window[i]&0xC0 == 0x80 {
				return i
			}
		}
	}
	return 1 + int(nextRandom()%uint32(len(window)-1))
}

func writeAll(fd int, data []byte) error {
	for len(data) > 0 {
		n, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return err
		}
		data = data[n:]
	}
	return nil
}

func pending(fd int) int {
	var n int32
	if _, _, errno := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), syscall.TIOCINQ, uintptr(unsafe.Pointer(&n))); errno != 0 {
		return 0
	}
	return int(n)
}

// feed copies standard input into the pipe EchoLines reads. Its first pieces are cut awkwardly, and
// each waits until the reader has taken the one before, so that one read gets one piece.
func feed(from, to int) {
	defer syscall.Close(to)
	block := make([]byte, 64*1024)
	for pieces := 0; ; {
		n, err := syscall.Read(from, block)
		if err == syscall.EINTR {
			continue
		}
		if n <= 0 {
			return
		}
		data := block[:n]
		for len(data) > 0 && pieces < cutCalls {
			piece := awkwardCut(data)
			if writeAll(to, data[:piece]) != nil {
				return
			}
			data = data[piece:]
			pieces++
			for deadline := time.Now().Add(20 * time.Millisecond); pending(to) > 0 && time.Now().Before(deadline); {
				runtime.Gosched()
			}
		}
		if writeAll(to, data) != nil {
			return
		}
	}
}

// drain copies what EchoLines writes to standard output. While the first cutOutput bytes pass, the
// pipe holds one page: when a read finds it full, the writer is waiting inside write(2) with part of
// its bytes taken, and a signal makes that write return short (SIGURG: the Go runtime takes it for a
// preemption request and goes on).
func drain(from, to, writer int, done chan<- struct{}) {
	defer close(done)
	block := make([]byte, 64*1024)
	for passed := 0; ; {
		n, err := syscall.Read(from, block)
		if err == syscall.EINTR {
			continue
		}
		if n <= 0 {
			return
		}
		if passed < cutOutput && n == smallPipe {
			syscall.Tgkill(syscall.Getpid(), writer, syscall.SIGURG)
		}
		if passed < cutOutput && passed+n >= cutOutput {
			syscall.Syscall(syscall.SYS_FCNTL, uintptr(from), fSetPipeSize, 64*1024)
		}
		passed += n
		if writeAll(to, block[:n]) != nil {
			return
		}
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "driver: "+format+"\n", args...)
	os.Exit(2)
}

func main() {
	// EchoLines runs on this thread, which drain signals.
	runtime.LockOSThread()
	stdin, err1 := syscall.Dup(0)
	stdout, err2 := syscall.Dup(1)
	var in, out [2]int
	err3 := syscall.Pipe2(in[:], syscall.O_CLOEXEC)
	err4 := syscall.Pipe2(out[:], syscall.O_CLOEXEC)
	if err1 != nil || err2 != nil || err3 != nil || err4 != nil || syscall.Dup3(in[0], 0, 0) != nil || syscall.Dup3(out[1], 1, 0) != nil {
		fail("cannot set up the pipes")
	}
	syscall.Close(in[0])
	syscall.Close(out[1])
	if _, _, errno := syscall.Syscall(syscall.SYS_FCNTL, uintptr(out[0]), fSetPipeSize, smallPipe); errno != 0 {
		fail("cannot shrink the output pipe: %v", errno)
	}
	go feed(stdin, in[1])
	drained := make(chan struct{})
	go drain(out[0], stdout, syscall.Gettid(), drained)

	err := EchoLines(0, 1)
	syscall.Close(1) // the drain reads to the end of what was written
	<-drained
	if err != nil {
		fmt.Fprintln(os.Stderr, "EchoLines:", err)
		os.Exit(1)
	}

	// A read that fails: a descriptor that is not open. A write that fails: a line to echo to it.
	var lines [2]int
	if syscall.Pipe2(lines[:], syscall.O_CLOEXEC) != nil || writeAll(lines[1], []byte("x\n")) != nil || syscall.Close(lines[1]) != nil {
		fail("cannot set up the failure checks")
	}
	closedFd, err := syscall.Dup(2)
	if err != nil || syscall.Close(closedFd) != nil {
		fail("cannot set up the failure checks")
	}
	if EchoLines(closedFd, stdout) == nil {
		writeAll(stdout, []byte("EchoLines did not return an error when read(2) failed\n"))
	}
	if EchoLines(lines[0], closedFd) == nil {
		writeAll(stdout, []byte("EchoLines did not return an error when write(2) failed\n"))
	}
}
