package main

import (
	"strconv"
	"syscall"
)

// Reasonable, not optimal: looks at every byte on its own and appends it to the current line,
// instead of copying runs of bytes at once. Must be accepted.
func EchoLines(inFd, outFd int) error {
	block := make([]byte, 64*1024)
	var line, out []byte
	open := false
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
		return nil
	}
	emit := func() error {
		out = strconv.AppendInt(out, int64(len(line)), 10)
		out = append(out, ' ')
		out = append(out, line...)
		out = append(out, '\n')
		line = line[:0]
		open = false
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
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		for _, b := range block[:n] {
			if b == '\n' {
				if err := emit(); err != nil {
					return err
				}
				continue
			}
			line = append(line, b)
			open = true
		}
	}
	if open {
		if err := emit(); err != nil {
			return err
		}
	}
	return flush()
}
