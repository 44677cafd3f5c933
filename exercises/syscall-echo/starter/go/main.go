// The driver: calls your EchoLines on standard input and output.
package main

import (
	"fmt"
	"os"
)

func main() {
	if err := EchoLines(0, 1); err != nil {
		fmt.Fprintln(os.Stderr, "EchoLines:", err)
		os.Exit(1)
	}
}
