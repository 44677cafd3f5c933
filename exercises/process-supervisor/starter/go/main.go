// The driver (read-only): reads the spec from standard input and checks it, points standard input
// at /dev/null (the spec is not for the children to read), and exits with what Supervise returns.
// A malformed spec ends the run before anything starts, with `invalid spec: …` on standard output.
// It leaves no descriptor open besides 0, 1 and 2. Its names all begin with "driver", so they do
// not clash with yours.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
)

// The most of standard input read: a spec this long is refused.
const driverMaxInput = 1<<20 - 1

// driverInvalid ends the run on a malformed spec, before anything starts.
func driverInvalid(line int, format string, args ...any) {
	fmt.Printf("invalid spec: line %d: "+format+"\n", append([]any{line}, args...)...)
	os.Exit(0)
}

// driverMilliseconds reads a whole number from 10 to 10,000 at the start of text (as C's strtol
// does: after blanks, with an optional sign), ending at a space or at the end, and returns it with
// what follows that space.
func driverMilliseconds(text string, line int, what string) (int, string) {
	i := 0
	for i < len(text) && strings.IndexByte(" \t\v\f\r", text[i]) >= 0 {
		i++
	}
	negative := false
	if i < len(text) && (text[i] == '+' || text[i] == '-') {
		negative = text[i] == '-'
		i++
	}
	digits, value := i, 0
	for i < len(text) && text[i] >= '0' && text[i] <= '9' {
		if value <= 10000 {
			value = value*10 + int(text[i]-'0')
		}
		i++
	}
	if negative {
		value = -value
	}
	if i == digits || (i < len(text) && text[i] != ' ') || value < 10 || value > 10000 {
		driverInvalid(line, "%s must be a whole number of milliseconds from 10 to 10000", what)
	}
	if i < len(text) {
		i++
	}
	return value, text[i:]
}

func driverReadChild(spec *Spec, text string, line int) {
	if len(spec.Children) == MaxChildren {
		driverInvalid(line, "more than %d children", MaxChildren)
	}
	length := strings.IndexByte(text, ' ')
	if length < 0 {
		length = len(text)
	}
	name := text[:length]
	if length == 0 || length > MaxName || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz0123456789-") != "" {
		driverInvalid(line, "a child's name is 1 to %d of a-z, 0-9 and -", MaxName)
	}
	for _, other := range spec.Children {
		if other.Name == name {
			driverInvalid(line, "two children are named %s", name)
		}
	}
	if length == len(text) {
		driverInvalid(line, "child %s has no policy", name)
	}
	text = text[length+1:]
	policy, found := Policy(-1), false
	for p, word := range []string{"always", "on-failure", "never"} {
		if strings.HasPrefix(text, word+" ") {
			policy, found = Policy(p), true
			text = text[len(word)+1:]
			break
		}
	}
	if !found {
		driverInvalid(line, "child %s: the policy is always, on-failure or never, then a space and the command", name)
	}
	if text == "" {
		driverInvalid(line, "child %s has no command", name)
	}
	if len(text) > MaxCommand {
		driverInvalid(line, "child %s's command is longer than %d bytes", name, MaxCommand)
	}
	spec.Children = append(spec.Children, ChildSpec{Name: name, Policy: policy, Command: text})
}

func driverReadSpec(data []byte) Spec {
	if len(data) == driverMaxInput {
		driverInvalid(0, "more than 1 MiB")
	}
	// A NUL ends the spec, as it does for the C driver, which reads it as a string.
	if end := bytes.IndexByte(data, 0); end >= 0 {
		data = data[:end]
	}
	lines := strings.Split(string(data), "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	var spec Spec
	backoff, grace := false, false
	for i, line := range lines {
		number := i + 1
		switch {
		case line == "":
		case strings.HasPrefix(line, "backoff "):
			var at string
			spec.BackoffInitialMs, at = driverMilliseconds(line[len("backoff "):], number, "backoff's initial delay")
			spec.BackoffMaxMs, at = driverMilliseconds(at, number, "backoff's maximum")
			if at != "" {
				driverInvalid(number, "backoff takes two numbers")
			}
			if spec.BackoffInitialMs > spec.BackoffMaxMs {
				driverInvalid(number, "backoff's initial delay is more than its maximum")
			}
			backoff = true
		case strings.HasPrefix(line, "grace "):
			var at string
			spec.GraceMs, at = driverMilliseconds(line[len("grace "):], number, "grace")
			if at != "" {
				driverInvalid(number, "grace takes one number")
			}
			grace = true
		case strings.HasPrefix(line, "child "):
			driverReadChild(&spec, line[len("child "):], number)
		default:
			driverInvalid(number, "a line is backoff, grace or child")
		}
	}
	if !backoff || !grace || len(spec.Children) == 0 {
		driverInvalid(len(lines), "a spec has a backoff line, a grace line and at least one child")
	}
	return spec
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

func main() {
	data, err := io.ReadAll(io.LimitReader(os.Stdin, driverMaxInput))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	spec := driverReadSpec(data)
	driverNullInput()
	os.Exit(Supervise(spec))
}
