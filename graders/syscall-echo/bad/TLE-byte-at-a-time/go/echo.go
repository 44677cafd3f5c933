package main

import (
	"strconv"
	"syscall"
)

// Known bad: one syscall.Read per byte and one syscall.Write per line.
func EchoLines(inFd, outFd int) error {
	one := make([]byte, 1)
	var line []byte
	open := false
	emit := func() error {
		out := strconv.AppendInt(nil, int64(len(line)), 10)
		out = append(out, ' ')
		out = append(out, line...)
		out = append(out, '\n')
		line = line[:0]
		open = false
		for len(out) > 0 {
			n, err := syscall.Write(outFd, out)
			if err != nil {
				return err
			}
			out = out[n:]
		}
		return nil
	}
	for {
		n, err := syscall.Read(inFd, one)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		if one[0] == '\n' {
			if err := emit(); err != nil {
				return err
			}
			continue
		}
		line = append(line, one[0])
		open = true
	}
	if open {
		return emit()
	}
	return nil
}
