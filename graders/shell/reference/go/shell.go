// osh, the reference: a line is split into tokens, parsed into and-or lists of pipelines, and run
// with syscall.ForkExec on raw descriptors (close-on-exec, so each child gets only its 0, 1 and 2),
// collecting each process with wait4. A background list is a goroutine that runs its and-or list
// and waits for its own processes, so none is left a zombie.
package main

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// ---- Tokens.

// A word is its text with quotes and escapes removed, and the places in that text where $? goes:
// it is replaced when the word's pipeline runs.
type word struct {
	text     string
	statusAt []int
}

func (w word) expand(status int) string {
	var b strings.Builder
	last := 0
	for _, at := range w.statusAt {
		b.WriteString(w.text[last:at])
		b.WriteString(strconv.Itoa(status))
		last = at
	}
	b.WriteString(w.text[last:])
	return b.String()
}

// A token is an operator (op is set) or a word.
type token struct {
	op   string
	word word
}

var operators = []string{"||", "&&", ">>", "|", "&", ";", "<", ">"} // the longest first

// operatorAt is the operator that begins line[i:], or "".
func operatorAt(line string, i int) string {
	for _, op := range operators {
		if strings.HasPrefix(line[i:], op) {
			return op
		}
	}
	return ""
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

// tokenize splits a line into words and operators; ok is false if a quote is never closed.
func tokenize(line string) (tokens []token, ok bool) {
	i := 0
	for {
		for i < len(line) && isBlank(line[i]) {
			i++
		}
		if i == len(line) || line[i] == '#' {
			return tokens, true
		}
		op := operatorAt(line, i)
		if strings.HasPrefix(line[i:], "2>") { // where a word would begin only
			op = "2" + operatorAt(line, i+1)
		}
		if op != "" {
			tokens = append(tokens, token{op: op})
			i += len(op)
			continue
		}
		var text strings.Builder
		var statusAt []int
		for i < len(line) && !isBlank(line[i]) && operatorAt(line, i) == "" {
			switch c := line[i]; {
			case c == '\'':
				end := strings.IndexByte(line[i+1:], '\'')
				if end < 0 {
					return nil, false
				}
				text.WriteString(line[i+1 : i+1+end])
				i += end + 2
			case c == '"':
				for i++; i < len(line) && line[i] != '"'; {
					switch {
					case line[i] == '\\' && i+1 < len(line) && strings.IndexByte(`"\$`, line[i+1]) >= 0:
						text.WriteByte(line[i+1])
						i += 2
					case strings.HasPrefix(line[i:], "$?"):
						statusAt = append(statusAt, text.Len())
						i += 2
					default: // a \ before any other character is kept
						text.WriteByte(line[i])
						i++
					}
				}
				if i == len(line) {
					return nil, false
				}
				i++
			case c == '\\' && i+1 < len(line):
				text.WriteByte(line[i+1])
				i += 2
			case strings.HasPrefix(line[i:], "$?"):
				statusAt = append(statusAt, text.Len())
				i += 2
			default: // any other character, and a \ that ends the line, as it is
				text.WriteByte(c)
				i++
			}
		}
		tokens = append(tokens, token{word: word{text.String(), statusAt}})
	}
}

// ---- Parsing.

// What each redirection opens, and which of the command's descriptors it replaces.
var redirections = map[string]struct{ flags, fd int }{
	"<":   {syscall.O_RDONLY, 0},
	">":   {syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC, 1},
	">>":  {syscall.O_WRONLY | syscall.O_CREAT | syscall.O_APPEND, 1},
	"2>":  {syscall.O_WRONLY | syscall.O_CREAT | syscall.O_TRUNC, 2},
	"2>>": {syscall.O_WRONLY | syscall.O_CREAT | syscall.O_APPEND, 2},
}

type redirection struct {
	op     string
	target word
}

type command struct {
	words        []word
	redirections []redirection // in the order they are applied
}

type pipeline []command

// An and-or list: pipelines[i+1] runs after pipelines[i] if ops[i], "&&" or "||", says so.
type andOr struct {
	pipelines  []pipeline
	ops        []string
	background bool
}

type parser struct {
	tokens []token
	at     int
}

// next is the operator of the next token: "" for a word, "newline" at the end of the line.
func (p *parser) next() string {
	if p.at == len(p.tokens) {
		return "newline"
	}
	return p.tokens[p.at].op
}

// parse reads a line's and-or lists, or returns the first operator out of place.
func parse(tokens []token) ([]andOr, string) {
	p := &parser{tokens: tokens}
	var lists []andOr
	for p.at < len(tokens) {
		list, bad := p.andOr()
		if bad != "" {
			return nil, bad
		}
		if sep := p.next(); sep == ";" || sep == "&" { // nothing else can follow an and-or list
			list.background = sep == "&"
			p.at++
		}
		lists = append(lists, list)
	}
	return lists, ""
}

func (p *parser) andOr() (andOr, string) {
	var list andOr
	for {
		pl, bad := p.pipeline()
		if bad != "" {
			return list, bad
		}
		list.pipelines = append(list.pipelines, pl)
		op := p.next()
		if op != "&&" && op != "||" {
			return list, ""
		}
		list.ops = append(list.ops, op)
		p.at++
	}
}

func (p *parser) pipeline() (pipeline, string) {
	var pl pipeline
	for {
		c, bad := p.command()
		if bad != "" {
			return nil, bad
		}
		pl = append(pl, c)
		if p.next() != "|" {
			return pl, ""
		}
		p.at++
	}
}

func (p *parser) command() (command, string) {
	var c command
	for {
		op := p.next()
		if op == "" {
			c.words = append(c.words, p.tokens[p.at].word)
			p.at++
		} else if _, ok := redirections[op]; ok {
			p.at++
			if p.next() != "" {
				return c, p.next()
			}
			c.redirections = append(c.redirections, redirection{op, p.tokens[p.at].word})
			p.at++
		} else if len(c.words)+len(c.redirections) == 0 {
			return c, op
		} else {
			return c, ""
		}
	}
}

// ---- Running.

// A runner runs and-or lists: the shell's own, or a background list's, which acts as a child of
// the shell would: its own $?, its own working directory, built-ins that change nothing in the shell.
type runner struct {
	status  int    // $?
	dir     string // a background list's working directory; "" is the shell's own
	child   bool   // a background list
	exiting bool   // the exit built-in ran: nothing more runs (of the shell, or of the list)
}

var (
	shell           runner
	backgroundLists sync.WaitGroup // those still running
)

// ShellLine runs one line; it returns the status to exit with after the exit built-in, else -1.
// There is nothing to reap first: each background list's goroutine waits for its own processes.
func ShellLine(line string) int {
	tokens, ok := tokenize(line)
	if !ok {
		report(2, "syntax error: unterminated quote")
		shell.status = 2
		return -1
	}
	lists, bad := parse(tokens)
	if bad != "" {
		report(2, "syntax error near '%s'", bad)
		shell.status = 2
		return -1
	}
	for _, list := range lists {
		if list.background {
			shell.startBackground(list)
		} else if shell.andOr(list); shell.exiting {
			return shell.status
		}
	}
	return -1
}

// ShellStatus returns $?.
func ShellStatus() int { return shell.status }

// startBackground runs an and-or list in a goroutine, from the shell's directory and $? of now.
func (r *runner) startBackground(list andOr) {
	dir, _ := os.Getwd()
	child := &runner{status: r.status, dir: dir, child: true}
	r.status = 0
	backgroundLists.Add(1)
	go func() {
		defer backgroundLists.Done()
		child.andOr(list)
	}()
}

func (r *runner) andOr(list andOr) {
	for i, pl := range list.pipelines {
		if i > 0 && (list.ops[i-1] == "&&") != (r.status == 0) {
			continue
		}
		r.status = r.pipeline(pl)
		if r.exiting {
			return
		}
	}
}

// pipeline makes the pipes, starts every command, closes the pipes (the children have their
// copies), then waits for each process it started, in turn: its status is the last command's.
func (r *runner) pipeline(pl pipeline) int {
	pipes := make([][2]int, len(pl)-1) // pipes[i] connects command i to command i+1
	for i := range pipes {
		if err := syscall.Pipe2(pipes[i][:], syscall.O_CLOEXEC); err != nil {
			report(2, "pipe: %s", strerror(err))
			closePipes(pipes[:i])
			return 1
		}
	}
	pids := make([]int, len(pl))
	statuses := make([]int, len(pl))
	for i, c := range pl {
		std := [3]int{0, 1, 2}
		if i > 0 {
			std[0] = pipes[i-1][0]
		}
		if i < len(pipes) {
			std[1] = pipes[i][1]
		}
		pids[i], statuses[i] = r.command(c, std, len(pl) == 1)
	}
	closePipes(pipes)
	for i, pid := range pids {
		if pid > 0 {
			statuses[i] = waitFor(pid)
		}
	}
	return statuses[len(pl)-1]
}

func closePipes(pipes [][2]int) {
	for _, p := range pipes {
		syscall.Close(p[0])
		syscall.Close(p[1])
	}
}

// command applies the redirections to std (standard input, output and error) and starts the
// program. It returns the pid it started, or 0 and the status of a command that started nothing:
// an error, redirections only, or a built-in. alone: the only command of its pipeline, where a
// built-in acts on the runner itself.
func (r *runner) command(c command, std [3]int, alone bool) (int, int) {
	var opened []int
	defer func() {
		for _, fd := range opened {
			syscall.Close(fd)
		}
	}()
	for _, redir := range c.redirections {
		name := redir.target.expand(r.status)
		how := redirections[redir.op]
		fd, err := syscall.Open(r.path(name), how.flags|syscall.O_CLOEXEC, 0o644)
		if err != nil {
			report(std[2], "%s: %s", name, strerror(err))
			return 0, 1
		}
		opened = append(opened, fd)
		std[how.fd] = fd
	}
	if len(c.words) == 0 {
		return 0, 0
	}
	args := make([]string, len(c.words))
	for i, w := range c.words {
		args[i] = w.expand(r.status)
	}
	switch args[0] {
	case "cd":
		return 0, r.cd(args, std[2], alone)
	case "exit":
		return 0, r.exit(args, std[2], alone)
	case "wait":
		if alone && !r.child {
			backgroundLists.Wait()
		}
		return 0, 0
	}
	path, status, reason := r.lookup(args[0])
	if status != 0 {
		report(std[2], "%s: %s", args[0], reason)
		return 0, status
	}
	pid, err := syscall.ForkExec(path, args, &syscall.ProcAttr{
		Dir:   r.dir,
		Env:   os.Environ(),
		Files: []uintptr{uintptr(std[0]), uintptr(std[1]), uintptr(std[2])},
	})
	if err != nil { // such as a file that is not a program, or a missing interpreter
		report(std[2], "%s: %s", args[0], strerror(err))
		if err == syscall.ENOENT {
			return 0, 127
		}
		return 0, 126
	}
	return pid, 0
}

// cd changes the shell's directory, or a background list's; in a pipeline it only finds the
// status it would have had.
func (r *runner) cd(args []string, stderr int, alone bool) int {
	if len(args) > 2 {
		report(stderr, "cd: too many arguments")
		return 1
	}
	dir := os.Getenv("HOME")
	if len(args) == 2 {
		dir = args[1]
	} else if dir == "" {
		report(stderr, "cd: HOME not set")
		return 1
	}
	var err error
	if alone && !r.child {
		err = syscall.Chdir(dir)
	} else if err = canChdir(r.path(dir)); err == nil && alone {
		r.dir = r.path(dir)
	}
	if err != nil {
		report(stderr, "cd: %s: %s", dir, strerror(err))
		return 1
	}
	return 0
}

// exit ends the shell with N (or $?), or a background list as it would end its child; in a
// pipeline it only makes the command's status N.
func (r *runner) exit(args []string, stderr int, alone bool) int {
	if len(args) > 2 {
		report(stderr, "exit: too many arguments")
		return 1
	}
	status := r.status
	if len(args) == 2 {
		n, err := strconv.Atoi(args[1])
		if err != nil {
			report(stderr, "exit: %s: numeric argument required", args[1])
			n = 2
		}
		status = n & 255
	}
	r.exiting = alone
	return status
}

// lookup finds the program a command names: its path, or the status and reason of the failure.
func (r *runner) lookup(name string) (string, int, string) {
	if strings.Contains(name, "/") {
		switch err := canExecute(r.path(name)); err {
		case nil:
			return r.path(name), 0, ""
		case syscall.ENOENT, syscall.ENOTDIR:
			return "", 127, "No such file or directory"
		default:
			return "", 126, "Permission denied"
		}
	}
	search := os.Getenv("PATH")
	if search == "" {
		search = "/usr/bin:/bin"
	}
	for _, dir := range strings.Split(search, ":") {
		if dir == "" {
			dir = "."
		}
		// A name there but not executable (or a directory) does not count: the search goes on.
		if path := r.path(dir + "/" + name); canExecute(path) == nil {
			return path, 0, ""
		}
	}
	return "", 127, "command not found"
}

// path is where a file name leads from the runner's working directory.
func (r *runner) path(name string) string {
	if r.dir == "" || name == "" || name[0] == '/' {
		return name
	}
	return r.dir + "/" + name
}

const xOK = 1 // access(2)'s X_OK

// canExecute is nil for a file that execve may run: it exists, is not a directory (EISDIR), and
// is executable (else EACCES).
func canExecute(path string) error {
	var st syscall.Stat_t
	if err := syscall.Stat(path, &st); err != nil {
		return err
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return syscall.EISDIR
	}
	return syscall.Access(path, xOK)
}

// canChdir is chdir's verdict on a directory without going there: it exists, is a directory, and
// may be searched.
func canChdir(dir string) error {
	var st syscall.Stat_t
	if err := syscall.Stat(dir, &st); err != nil {
		return err
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFDIR {
		return syscall.ENOTDIR
	}
	return syscall.Access(dir, xOK)
}

// waitFor waits for one process the shell started: its exit status, or 128 + N for signal N.
func waitFor(pid int) int {
	var ws syscall.WaitStatus
	for {
		if _, err := syscall.Wait4(pid, &ws, 0, nil); err != syscall.EINTR {
			break
		}
	}
	if ws.Signaled() {
		return 128 + int(ws.Signal())
	}
	return ws.ExitStatus()
}

// strerror is the C library's text for an error: Go's, with a capital ("No such file or directory").
func strerror(err error) string {
	text := err.Error()
	return strings.ToUpper(text[:1]) + text[1:]
}

// report writes "osh: MESSAGE" to the descriptor fd.
func report(fd int, format string, args ...any) {
	syscall.Write(fd, []byte("osh: "+fmt.Sprintf(format, args...)+"\n"))
}
