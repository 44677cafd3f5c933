package main

import (
	"strconv"
	"syscall"
)

// Known bad: counts the newline as part of the line's length.
func EchoLines(inFd, outFd int) error {
	var data []byte
	block := make([]byte, 65536)
	for {
		n, err := syscall.Read(inFd, block)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		data = append(data, block[:n]...)
	}
	var out []byte
	start := 0
	for i := 0; i <= len(data); i++ {
		if i == len(data) && start == len(data) {
			break
		}
		if i < len(data) && data[i] != '\n' {
			continue
		}
		length := i - start + 1
		if i == len(data) {
			length--
		}
		out = strconv.AppendInt(out, int64(length), 10)
		out = append(out, ' ')
		out = append(out, data[start:i]...)
		out = append(out, '\n')
		start = i + 1
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
