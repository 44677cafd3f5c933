package main

import (
	"strconv"
	"syscall"
)

// Known bad: a fixed 4 KiB line buffer; the 1 MiB line indexes past its end and panics.
func EchoLines(inFd, outFd int) error {
	var line [4096]byte
	length := 0
	block := make([]byte, 4096)
	var out []byte
	open := false
	for {
		n, err := syscall.Read(inFd, block)
		if err != nil {
			return err
		}
		if n == 0 {
			break
		}
		for _, b := range block[:n] {
			if b == '\n' {
				out = strconv.AppendInt(out, int64(length), 10)
				out = append(out, ' ')
				out = append(out, line[:length]...)
				out = append(out, '\n')
				length = 0
				open = false
				continue
			}
			line[length] = b
			length++
			open = true
		}
	}
	if open {
		out = strconv.AppendInt(out, int64(length), 10)
		out = append(out, ' ')
		out = append(out, line[:length]...)
		out = append(out, '\n')
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
