package main

import (
	"strconv"
	"syscall"
)

// Known bad: correct lines, all collected and written with one syscall.Write whose count is
// ignored, so whatever a short write did not take is lost.
func EchoLines(inFd, outFd int) error {
	block := make([]byte, 64*1024)
	var pending, out []byte
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
	if len(pending) > 0 {
		out = strconv.AppendInt(out, int64(len(pending)), 10)
		out = append(out, ' ')
		out = append(out, pending...)
		out = append(out, '\n')
	}
	_, err := syscall.Write(outFd, out)
	return err
}
