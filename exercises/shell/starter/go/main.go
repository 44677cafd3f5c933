// The driver (read-only): reads the whole script from standard input, checks it, points standard
// input at /dev/null (the script is not the children's to read), goes to /, and hands each line to
// your ShellLine (shell.go). When the shell ends (the status ShellLine returns for the exit
// built-in, or ShellStatus after the last line) it prints "osh: exit N" on standard output and
// exits with status 0, so that the tests see the shell's status. Its names all begin with "driver",
// so they do not clash with yours.
package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
)

const (
	driverMaxLines      = 1000
	driverMaxLineLength = 4096
)

// driverInvalid ends the run on malformed input, before any line runs, with a message on standard
// output.
func driverInvalid(line int, format string, args ...any) {
	fmt.Printf("invalid input: line %d: "+format+"\n", append([]any{line}, args...)...)
	os.Exit(0)
}

// driverReadScript returns the script's lines (a last line without a newline counts as one; an
// empty input is an empty script); malformed input stops the run.
func driverReadScript(data string) []string {
	lines := strings.Split(data, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for i, line := range lines {
		if i == driverMaxLines {
			driverInvalid(i+1, "a script has at most %d lines", driverMaxLines)
		}
		if len(line) > driverMaxLineLength {
			driverInvalid(i+1, "a line has at most %d bytes", driverMaxLineLength)
		}
		for _, c := range []byte(line) {
			if c != '\t' && (c < 0x20 || c > 0x7e) {
				driverInvalid(i+1, "a character that is not printable ASCII or a tab")
			}
		}
	}
	return lines
}

// driverNullInput points descriptor 0 at /dev/null and leaves no other descriptor open.
func driverNullInput() {
	fd, err := syscall.Open("/dev/null", syscall.O_RDONLY, 0)
	if err == nil && fd != 0 {
		err = syscall.Dup2(fd, 0)
		syscall.Close(fd)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver: /dev/null:", err)
		os.Exit(1)
	}
}

// driverEnd reports the shell's exit status; background lists still running are left running.
func driverEnd(status int) {
	fmt.Printf("osh: exit %d\n", status)
	os.Exit(0)
}

func main() {
	data, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	lines := driverReadScript(string(data))
	driverNullInput()
	// Every test starts in the same directory, wherever the program is.
	if err := os.Chdir("/"); err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
	for _, line := range lines {
		if status := ShellLine(line); status >= 0 {
			driverEnd(status)
		}
	}
	driverEnd(ShellStatus())
}
