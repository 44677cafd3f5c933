package main

import (
	"bytes"
	"strconv"
	"syscall"
)

// Known bad: splits the whole input at every newline and prints every piece, so input that ends
// with a newline gets an extra empty line "0 " at the end (and empty input one line).
func EchoLines(inFd, outFd int) error {
	var data []byte
	block := make([]byte, 64*1024)
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
		data = append(data, block[:n]...)
	}
	var out []byte
	for _, line := range bytes.Split(data, []byte("\n")) {
		out = strconv.AppendInt(out, int64(len(line)), 10)
		out = append(out, ' ')
		out = append(out, line...)
		out = append(out, '\n')
	}
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
