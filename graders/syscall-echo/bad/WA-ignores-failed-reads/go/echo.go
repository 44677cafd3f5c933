package main

import (
	"strconv"
	"syscall"
)

// Known bad: the reference's lines, but a failed syscall.Read is taken for the end of the input: it
// returns nil where the API says an error.
func EchoLines(inFd, outFd int) error {
	block := make([]byte, 64*1024)
	out := make([]byte, 0, 64*1024)
	var pending []byte

	flush := func() error {
		for len(out) > 0 {
			n, err := syscall.Write(outFd, out)
			if err == syscall.EINTR {
				continue
			}
			if err != nil {
				return err
			}
			out = out[n:]
		}
		out = out[:0]
		return nil
	}
	emit := func(line []byte) error {
		out = strconv.AppendInt(out, int64(len(line)), 10)
		out = append(out, ' ')
		out = append(out, line...)
		out = append(out, '\n')
		if len(out) >= 64*1024 {
			return flush()
		}
		return nil
	}

	for {
		n, err := syscall.Read(inFd, block)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n == 0 {
			break // bug: a failed read ends the input without a word
		}
		start := 0
		for i := 0; i < n; i++ {
			if block[i] != '\n' {
				continue
			}
			if len(pending) > 0 {
				pending = append(pending, block[start:i]...)
				if err := emit(pending); err != nil {
					return err
				}
				pending = pending[:0]
			} else if err := emit(block[start:i]); err != nil {
				return err
			}
			start = i + 1
		}
		pending = append(pending, block[start:n]...)
	}
	if len(pending) > 0 {
		if err := emit(pending); err != nil {
			return err
		}
	}
	return flush()
}
