package main

import "syscall"

// Known bad: does not compile (an unused variable and a type mismatch).
func EchoLines(inFd, outFd int) error {
	unused := 42
	var buf []byte = "not bytes"
	_, err := syscall.Read(inFd, buf)
	return err
}
