// The driver: reads the system state and the operations from standard input, calls your Request,
// Release and SafeSequence (banker.go) for each, and prints the answers.
package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
)

// Bank is the banker's view of the system: n processes and m resource types. Row i of Max,
// Allocation and Need belongs to process i; entry j of a row to resource type j.
type Bank struct {
	Available  []int   // [m]: free instances of each resource type
	Max        [][]int // [n][m]: the most each process declared it may ever hold
	Allocation [][]int // [n][m]: what each process holds now
	Need       [][]int // [n][m]: Max - Allocation; keep it up to date when Allocation changes
}

// Decision is the answer to a request.
type Decision int

const (
	Grant Decision = iota
	DenyNeed
	DenyAvailable
	DenyUnsafe
)

var decisions = [...]string{"GRANT", "DENY NEED", "DENY AVAILABLE", "DENY UNSAFE"}

const maxValue = 1000000000

type input struct{ words *bufio.Scanner }

func badInput(expected string) {
	fmt.Fprintf(os.Stderr, "Invalid input: expected %s.\n", expected)
	os.Exit(2)
}

// word is the next white-space-separated token, or "" at the end.
func (in input) word() string {
	if !in.words.Scan() {
		return ""
	}
	return in.words.Text()
}

func (in input) number(what string, min, max int) int {
	word := in.word()
	if len(word) == 0 || len(word) > 10 {
		badInput(what)
	}
	value := 0
	for _, c := range []byte(word) {
		if c < '0' || c > '9' {
			badInput(what)
		}
		value = value*10 + int(c-'0')
	}
	if value < min || value > max {
		badInput(what)
	}
	return value
}

func (in input) vector(m int, what string) []int {
	vector := make([]int, m)
	for j := range vector {
		vector[j] = in.number(what, 0, maxValue)
	}
	return vector
}

func main() {
	scanner := bufio.NewScanner(os.Stdin)
	scanner.Buffer(make([]byte, 1<<16), 1<<20)
	scanner.Split(bufio.ScanWords)
	in := input{scanner}
	n := in.number("the number of processes n >= 1", 1, 1000000)
	m := in.number("the number of resource types m >= 1", 1, 1000000)
	if n*m > 1000000 {
		badInput("n * m <= 1,000,000")
	}
	bank := &Bank{Available: in.vector(m, "an available amount (0 to 1,000,000,000)")}
	for i := 0; i < n; i++ {
		bank.Max = append(bank.Max, in.vector(m, "a maximum (0 to 1,000,000,000)"))
	}
	for i := 0; i < n; i++ {
		bank.Allocation = append(bank.Allocation, in.vector(m, "an allocation (0 to 1,000,000,000)"))
		bank.Need = append(bank.Need, make([]int, m))
	}
	for j := 0; j < m; j++ {
		total := bank.Available[j]
		for i := 0; i < n; i++ {
			if bank.Allocation[i][j] > bank.Max[i][j] {
				badInput("allocations no larger than maxima")
			}
			bank.Need[i][j] = bank.Max[i][j] - bank.Allocation[i][j]
			total += bank.Allocation[i][j]
		}
		if total > maxValue {
			badInput("at most 1,000,000,000 of each resource type in all")
		}
	}

	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	defer out.Flush()
	line := make([]byte, 0, 64)
	operations := in.number("the number of operations", 0, 100000000)
	for k := 0; k < operations; k++ {
		switch in.word() {
		case "SAFE?":
			order, safe := bank.SafeSequence()
			if !safe {
				out.WriteString("UNSAFE\n")
				continue
			}
			line = append(line[:0], "SAFE"...)
			for _, p := range order {
				line = strconv.AppendInt(append(line, ' '), int64(p), 10)
			}
			out.Write(append(line, '\n'))
		case "REQUEST":
			p := in.number("a process number (0 to n - 1)", 0, n-1)
			decision := bank.Request(p, in.vector(m, "an amount (0 to 1,000,000,000)"))
			if decision >= Grant && decision <= DenyUnsafe {
				out.WriteString(decisions[decision] + "\n")
			} else {
				out.WriteString("(not a decision)\n")
			}
		case "RELEASE":
			p := in.number("a process number (0 to n - 1)", 0, n-1)
			if bank.Release(p, in.vector(m, "an amount (0 to 1,000,000,000)")) {
				out.WriteString("OK\n")
			} else {
				out.WriteString("INVALID\n")
			}
		default:
			badInput("REQUEST, RELEASE or SAFE?")
		}
	}
	if in.word() != "" {
		badInput("the end of the input after the last operation")
	}
}
