package main

import (
	"strconv"
	"syscall"
)

// Known bad: keeps the unfinished line in a fixed 1 MiB array, "a megabyte" as the statement says;
// a longer line indexes past its end and panics.
var line [1 << 20]byte

func EchoLines(inFd, outFd int) error {
	length := 0
	block := make([]byte, 64*1024)
	var out []byte
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
		out = strconv.AppendInt(out, int64(length), 10)
		out = append(out, ' ')
		out = append(out, line[:length]...)
		out = append(out, '\n')
		length = 0
		if len(out) >= 64*1024 {
			return flush()
		}
		return nil
	}
	open := false
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
				open = false
				continue
			}
			line[length] = b
			length++
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
