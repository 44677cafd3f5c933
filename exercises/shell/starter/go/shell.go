package main

import (
	"fmt"
	"os"
	"strings"
)

// status is $?: the status of the last pipeline that ran.
var status int

// ShellLine runs one line of the script (without its newline) and returns -1 to go on, or the
// status to exit with (the exit built-in).
func ShellLine(line string) int {
	// TODO: reap the background lists that have ended (or let each one's goroutine wait for its
	// own processes, so that none is left a zombie).
	// TODO: split the line into tokens: words (quotes and escapes removed, the places of $?
	// remembered) and operators (| || & && ; < > >>, and 2> 2>> where a word would begin); a #
	// where a word would begin ends the line. A quote never closed: "osh: syntax error:
	// unterminated quote", status 2.
	// TODO: parse the tokens into and-or lists of pipelines of commands; an operator out of place
	// prints "osh: syntax error near 'OP'", runs nothing of the line, and sets the status to 2.
	// TODO: run each and-or list (&& and || on the status), in a goroutine after &; run each
	// pipeline's commands at once, connected by pipes (syscall.Pipe2), close every pipe end once
	// the children have theirs, then wait for each process started; expand $? then.
	// For now the line is words separated by blanks, and its one command runs in the foreground.
	words := strings.Fields(line)
	if len(words) == 0 {
		return -1
	}
	// TODO: the built-ins cd, exit and wait.
	status = run(words)
	return -1
}

// ShellStatus returns $?; the driver exits with it after the last line.
func ShellStatus() int {
	return status
}

// run starts one program with the shell's standard input, output and error, waits for it, and
// returns its status.
func run(words []string) int {
	// TODO: apply the redirections in order (syscall.Open; errors as "osh: FILE: REASON", status 1).
	path := lookPath(words[0])
	if path == "" {
		fmt.Fprintf(os.Stderr, "osh: %s: command not found\n", words[0])
		return 127
	}
	// TODO: the messages and statuses of the statement's table (126 and 127), on the command's
	// standard error after its redirections.
	process, err := os.StartProcess(path, words, &os.ProcAttr{Files: []*os.File{os.Stdin, os.Stdout, os.Stderr}})
	if err != nil {
		fmt.Fprintf(os.Stderr, "osh: %s: %v\n", words[0], err)
		return 126
	}
	state, err := process.Wait()
	if err != nil {
		return 1
	}
	// TODO: a process killed by signal N has the status 128 + N (see syscall.WaitStatus).
	return state.ExitCode()
}

// lookPath finds a program: a name with a / is a path, any other is looked up in the directories
// of PATH, in order. It returns "" if there is none.
func lookPath(name string) string {
	if strings.Contains(name, "/") {
		return name
	}
	// TODO: a missing or empty PATH means /usr/bin:/bin.
	for _, dir := range strings.Split(os.Getenv("PATH"), ":") {
		path := dir + "/" + name
		if info, err := os.Stat(path); err == nil && !info.IsDir() && info.Mode()&0o111 != 0 {
			return path
		}
	}
	return ""
}
