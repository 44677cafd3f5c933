package main

import (
	"strconv"
	"syscall"
)

// Known bad: keeps the unfinished line between reads but never prints it at end of file.
func EchoLines(inFd, outFd int) error {
	block := make([]byte, 65536)
	var pending, out []byte
	for {
		n, err := syscall.Read(inFd, block)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		for _, b := range block[:n] {
			if b != '\n' {
				pending = append(pending, b)
				continue
			}
			out = strconv.AppendInt(out, int64(len(pending)), 10)
			out = append(out, ' ')
			out = append(out, pending...)
			out = append(out, '\n')
			pending = pending[:0]
		}
	}
	for len(out) > 0 {
		n, err := syscall.Write(outFd, out)
		if err != nil {
			return err
		}
		out = out[n:]
	}
	return nil
}
