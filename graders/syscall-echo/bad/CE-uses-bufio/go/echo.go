// Known bad: bufio and os.File do the reading and writing, which the statement forbids; refused
// before it is built.
package main

import (
	"bufio"
	"bytes"
	"os"
	"strconv"
)

func EchoLines(inFd, outFd int) error {
	in := bufio.NewReader(os.NewFile(uintptr(inFd), "in"))
	out := bufio.NewWriter(os.NewFile(uintptr(outFd), "out"))
	for {
		line, err := in.ReadBytes('\n')
		if len(line) > 0 {
			line = bytes.TrimSuffix(line, []byte("\n"))
			out.WriteString(strconv.Itoa(len(line)) + " ")
			out.Write(line)
			out.WriteByte('\n')
		}
		if err != nil {
			break
		}
	}
	return out.Flush()
}
