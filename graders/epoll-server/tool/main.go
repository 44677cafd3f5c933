// The epoll server's trusted tool: a protocol checker and load generator that talks to the server
// under test over the loopback it shares with it. One scenario per run, named by the first
// argument; one JSON report on stdout: {"ok": true, ...figures} or {"ok": false, "error": "..."}.
// Every expected reply is computed here from what was sent, never taken from a server.
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand"
	"net"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"
)

// address is the server's; SERVER_ADDRESS overrides it when trying the tool outside the sandbox.
var address = "127.0.0.1:6379"

// replyTimeout is how long a reply may take before the server counts as not answering.
const replyTimeout = 5 * time.Second

// failure is what a scenario found wrong, in the user's terms.
type failure struct{ message string }

func (f failure) Error() string { return f.message }

func fail(format string, args ...any) error { return failure{fmt.Sprintf(format, args...)} }

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: tool <scenario> [arguments]")
		os.Exit(2)
	}
	if override := os.Getenv("SERVER_ADDRESS"); override != "" {
		address = override
	}
	scenarios := map[string]func(args []string) (map[string]any, error){
		"commands":     commands,
		"pipeline":     pipeline,
		"fragments":    fragments,
		"slow-client":  slowClient,
		"stuck-reader": stuckReader,
		"large-values": largeValues,
		"disconnects":  disconnects,
		"many":         many,
		"idle":         idle,
		"load":         load,
	}
	scenario, known := scenarios[os.Args[1]]
	if !known {
		fmt.Fprintf(os.Stderr, "unknown scenario %q\n", os.Args[1])
		os.Exit(2)
	}
	figures, err := scenario(os.Args[2:])
	report := map[string]any{"ok": err == nil}
	for key, value := range figures {
		report[key] = value
	}
	var found failure
	switch {
	case errors.As(err, &found):
		report["error"] = found.message
	case err != nil:
		// Not the server's fault (the tool's own limits, bad arguments): say so on stderr and exit non-zero.
		fmt.Fprintln(os.Stderr, "tool error:", err)
		os.Exit(1)
	}
	out, _ := json.Marshal(report)
	fmt.Println(string(out))
}

// ---- Encoding and reading RESP -------------------------------------------------------------

// command encodes a request as an array of bulk strings.
func command(args ...string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "*%d\r\n", len(args))
	for _, arg := range args {
		fmt.Fprintf(&b, "$%d\r\n%s\r\n", len(arg), arg)
	}
	return b.Bytes()
}

func bulk(value string) string { return fmt.Sprintf("$%d\r\n%s\r\n", len(value), value) }

func integer(n int64) string { return ":" + strconv.FormatInt(n, 10) + "\r\n" }

const (
	ok     = "+OK\r\n"
	pong   = "+PONG\r\n"
	null   = "$-1\r\n"
	notInt = "-ERR value is not an integer or out of range\r\n"
)

func wrongArity(name string) string {
	return "-ERR wrong number of arguments for '" + name + "' command\r\n"
}

func unknownCommand(name string, args ...string) string {
	var b strings.Builder
	b.WriteString("-ERR unknown command '" + name + "', with args beginning with: ")
	for _, arg := range args {
		b.WriteString("'" + arg + "' ")
	}
	return b.String() + "\r\n"
}

// client is one connection with a buffered reader of replies.
type client struct {
	conn   *net.TCPConn
	reader *bufio.Reader
}

// dial connects, retrying while the server is still starting.
func dial() (*client, error) {
	deadline := time.Now().Add(5 * time.Second)
	for {
		conn, err := net.DialTimeout("tcp", address, 2*time.Second)
		if err == nil {
			tcp := conn.(*net.TCPConn)
			return &client{conn: tcp, reader: bufio.NewReaderSize(tcp, 4096)}, nil
		}
		if time.Now().After(deadline) {
			return nil, fail("could not connect to 127.0.0.1:6379: %v (is the server listening on port 6379?)", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// abort closes the connection with a reset (no FIN handshake, no TIME_WAIT): a client that vanishes.
func (c *client) abort() {
	_ = c.conn.SetLinger(0)
	_ = c.conn.Close()
}

func (c *client) send(request []byte) error {
	_ = c.conn.SetWriteDeadline(time.Now().Add(replyTimeout))
	if _, err := c.conn.Write(request); err != nil {
		return fail("could not send to the server: %v", err)
	}
	return nil
}

// readReply reads one whole reply and returns its exact bytes; `what` names the request in errors.
func (c *client) readReply(what string) (string, error) {
	_ = c.conn.SetReadDeadline(time.Now().Add(replyTimeout))
	line, err := c.reader.ReadString('\n')
	if err != nil {
		return line, c.readError(what, err, line)
	}
	if !strings.HasSuffix(line, "\r\n") || len(line) < 3 {
		return line, fail("the reply to %s is not a RESP reply: %s (every reply line ends in \\r\\n)", what, show(line))
	}
	switch line[0] {
	case '+', '-', ':':
		return line, nil
	case '$':
		length, convErr := strconv.Atoi(line[1 : len(line)-2])
		if convErr != nil || length < -1 {
			return line, fail("the reply to %s has a bad bulk length: %s", what, show(line))
		}
		if length == -1 {
			return line, nil
		}
		body := make([]byte, length+2)
		got, err := io.ReadFull(c.reader, body)
		if err != nil {
			if got < length {
				return line, c.readError(what, err, fmt.Sprintf("%s… (%s of %s bytes)", line, count(got), count(length)))
			}
			return line, c.readError(what, err, line)
		}
		return line + string(body), nil
	default:
		return line, fail("the reply to %s is not a RESP reply: %s (a reply starts with +, -, :, or $)", what, show(line))
	}
}

func (c *client) readError(what string, err error, partial string) error {
	var timeout net.Error
	switch {
	case errors.As(err, &timeout) && timeout.Timeout():
		if partial != "" {
			return fail("the reply to %s stopped after %s and nothing more came for %v", what, show(partial), replyTimeout)
		}
		return fail("no reply to %s within %v (a server stuck in a blocking accept() or read(), or still waiting for bytes the request already has, says nothing)", what, replyTimeout)
	case errors.Is(err, io.EOF) || errors.Is(err, syscall.ECONNRESET):
		return fail("the server closed the connection instead of answering %s", what)
	default:
		return fail("reading the reply to %s: %v", what, err)
	}
}

// exchange sends one request and checks the reply byte for byte.
func (c *client) exchange(request []byte, expected string) error {
	return c.exchangeAll([]step{{request, expected}})
}

// exchangeAll sends the requests in one write and checks each reply in order.
func (c *client) exchangeAll(steps []step) error {
	var all []byte
	for _, s := range steps {
		all = append(all, s.request...)
	}
	if err := c.send(all); err != nil {
		return err
	}
	for _, s := range steps {
		got, err := c.readReply(describe(s.request))
		if err != nil {
			return err
		}
		if got != s.expected {
			return fail("sent %s, expected %s, got %s", describe(s.request), show(s.expected), show(got))
		}
	}
	return nil
}

// clear deletes keys, accepting any count as the reply.
func (c *client) clear(keys ...string) error {
	request := command(append([]string{"DEL"}, keys...)...)
	if err := c.send(request); err != nil {
		return err
	}
	got, err := c.readReply(describe(request))
	if err == nil && !strings.HasPrefix(got, ":") {
		err = fail("sent %s, expected an integer reply (:<count>\\r\\n), got %s", describe(request), show(got))
	}
	return err
}

// describe shows a request as its words, shortened.
func describe(request []byte) string {
	if len(request) == 0 || request[0] != '*' {
		return show(string(request))
	}
	var words []string
	rest := string(request)
	if i := strings.Index(rest, "\r\n"); i >= 0 {
		rest = rest[i+2:]
	}
	for strings.HasPrefix(rest, "$") && len(words) < 8 {
		i := strings.Index(rest, "\r\n")
		n, err := strconv.Atoi(rest[1:i])
		if err != nil || i+2+n > len(rest) {
			break
		}
		words = append(words, rest[i+2:i+2+n])
		rest = rest[i+2+n+2:]
	}
	for i, word := range words {
		words[i] = shortQuote(word)
	}
	if strings.HasPrefix(rest, "$") {
		words = append(words, "…")
	}
	return "[" + strings.Join(words, " ") + "]"
}

func shortQuote(word string) string {
	if len(word) > 40 {
		return strconv.Quote(word[:24]) + fmt.Sprintf("…(%s bytes)", count(len(word)))
	}
	if strings.ContainsAny(word, " \r\n\x00\"") || word == "" {
		return strconv.Quote(word)
	}
	return word
}

// show quotes a reply, shortened, so \r\n and binary bytes are visible.
func show(s string) string {
	if len(s) > 120 {
		return strconv.Quote(s[:80]) + fmt.Sprintf("… (%s bytes in all)", count(len(s)))
	}
	return strconv.Quote(s)
}

func count(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// step is one request and the exact reply it must get.
type step struct {
	request  []byte
	expected string
}

func inline(line string) []byte { return []byte(line + "\r\n") }

// ---- Scenarios -------------------------------------------------------------------------------

// commands: every command and error of the statement, one at a time, as arrays and inline.
func commands(_ []string) (map[string]any, error) {
	c, err := dial()
	if err != nil {
		return nil, err
	}
	defer c.conn.Close()
	if err := c.exchange(command("PING"), pong); err != nil {
		return nil, err
	}
	// Against a fresh server these keys do not exist; clearing them lets the tool be re-run on a live one.
	if err := c.clear("cmd:greet", "cmd:Greet", "cmd:empty", "cmd:nothing", "cmd:fresh", "cmd:a"); err != nil {
		return nil, err
	}
	binary := "hi\r\nyou\x00and\r\n$3\r\n*1"
	steps := []step{
		{command("PING"), pong},
		{inline("PING"), pong},
		{command("ping"), pong},
		{command("PING", "hello world"), bulk("hello world")},
		{command("ECHO", "echo me"), bulk("echo me")},
		{command("ECHO", ""), bulk("")},
		{command("GET", "cmd:greet"), null},
		{command("SET", "cmd:greet", binary), ok},
		{command("GET", "cmd:greet"), bulk(binary)},
		{command("set", "cmd:Greet", "other"), ok},
		{command("GET", "cmd:greet"), bulk(binary)},
		{command("gEt", "cmd:Greet"), bulk("other")},
		{command("SET", "cmd:greet", "again"), ok},
		{command("GET", "cmd:greet"), bulk("again")},
		{command("SET", "cmd:empty", ""), ok},
		{command("GET", "cmd:empty"), bulk("")},
		{command("EXISTS", "cmd:greet"), integer(1)},
		{command("EXISTS", "cmd:greet", "cmd:nothing", "cmd:greet", "cmd:empty"), integer(3)},
		{command("DEL", "cmd:greet", "cmd:nothing", "cmd:empty"), integer(2)},
		{command("DEL", "cmd:greet"), integer(0)},
		{command("EXISTS", "cmd:greet"), integer(0)},
		{command("GET", "cmd:greet"), null},
		{inline("SET cmd:counter 41"), ok},
		{inline("INCR cmd:counter"), integer(42)},
		{inline("get cmd:counter"), bulk("42")},
		{command("INCR", "cmd:fresh"), integer(1)},
		{command("INCR", "cmd:fresh"), integer(2)},
		{command("SET", "cmd:negative", "-5"), ok},
		{command("INCR", "cmd:negative"), integer(-4)},
		{command("SET", "cmd:big", "9223372036854775806"), ok},
		{command("INCR", "cmd:big"), integer(9223372036854775807)},
		{command("INCR", "cmd:big"), "-ERR increment or decrement would overflow\r\n"},
		{command("GET", "cmd:big"), bulk("9223372036854775807")},
		{command("SET", "cmd:lowest", "-9223372036854775808"), ok},
		{command("INCR", "cmd:lowest"), integer(-9223372036854775807)},
	}
	for _, bad := range []string{"12a", " 1", "+1", "01", "-0", "", "1.5", "99999999999999999999"} {
		steps = append(steps, step{command("SET", "cmd:text", bad), ok}, step{command("INCR", "cmd:text"), notInt})
	}
	steps = append(steps,
		step{command("GET", "cmd:text"), bulk("99999999999999999999")},
		step{command("PING", "a", "b"), wrongArity("ping")},
		step{command("PING", "a", "b", "c"), wrongArity("ping")},
		step{command("ECHO"), wrongArity("echo")},
		step{command("ECHO", "a", "b"), wrongArity("echo")},
		step{command("ECHO", "a", "b", "c"), wrongArity("echo")},
		step{command("SET"), wrongArity("set")},
		step{command("SET", "cmd:x"), wrongArity("set")},
		step{command("GET"), wrongArity("get")},
		step{command("GET", "cmd:a", "cmd:b"), wrongArity("get")},
		step{inline("INCR"), wrongArity("incr")},
		step{command("INCR", "cmd:a", "cmd:b"), wrongArity("incr")},
		step{command("EXISTS", "cmd:a"), integer(0)},
		step{command("DEL"), wrongArity("del")},
		step{command("EXISTS"), wrongArity("exists")},
		step{inline("FLY me to the moon"), unknownCommand("FLY", "me", "to", "the", "moon")},
		step{command("nosuchcommand"), unknownCommand("nosuchcommand")},
		step{command("Frobnicate", "x", "y z"), unknownCommand("Frobnicate", "x", "y z")},
		// Inline details: \n alone ends a line, empty lines are ignored, runs of spaces separate.
		step{[]byte("PING\n"), pong},
		step{[]byte("\r\n\nECHO   spaced    out\r\n"), wrongArity("echo")},
		step{[]byte("ECHO   spaced\r\n"), bulk("spaced")},
		step{command("PING"), pong},
	)
	for _, s := range steps {
		if err := c.exchange(s.request, s.expected); err != nil {
			return nil, err
		}
	}
	// Keys are bytes too: a NUL does not end one, a line break or a space does not split one, and
	// a 1 KiB key of random bytes is not the key that differs from it in the last byte.
	nulA, nulB, nulStem, spaced := "cmd:k\x00a", "cmd:k\x00b", "cmd:k", "cmd:a\r\nb c"
	longKey := []byte(value(rand.New(rand.NewSource(1)), 1024))
	long := string(longKey)
	longKey[len(longKey)-1] ^= 1
	longNeighbour := string(longKey)
	if err := c.clear(nulA, nulB, nulStem, spaced, long, longNeighbour); err != nil {
		return nil, err
	}
	keys := []step{
		{command("SET", nulA, "1"), ok},
		{command("SET", nulB, "2"), ok},
		{command("GET", nulA), bulk("1")},
		{command("GET", nulB), bulk("2")},
		{command("GET", nulStem), null},
		{command("EXISTS", nulA, nulB, nulStem), integer(2)},
		{command("DEL", nulA), integer(1)},
		{command("GET", nulB), bulk("2")},
		{command("EXISTS", nulA), integer(0)},
		{command("SET", spaced, "spaced key"), ok},
		{command("GET", spaced), bulk("spaced key")},
		{command("SET", long, "long key"), ok},
		{command("GET", long), bulk("long key")},
		{command("GET", longNeighbour), null},
		{command("EXISTS", long, longNeighbour, long), integer(2)},
	}
	for _, s := range keys {
		if err := c.exchange(s.request, s.expected); err != nil {
			return nil, err
		}
	}
	return map[string]any{"checked": len(steps) + len(keys)}, nil
}

// model computes the replies a correct server gives to a stream of requests on private keys.
type model struct{ values map[string]string }

func (m *model) apply(args []string) string {
	switch args[0] {
	case "SET":
		m.values[args[1]] = args[2]
		return ok
	case "GET":
		if value, found := m.values[args[1]]; found {
			return bulk(value)
		}
		return null
	case "INCR":
		n, _ := strconv.ParseInt(m.values[args[1]], 10, 64)
		m.values[args[1]] = strconv.FormatInt(n+1, 10)
		return integer(n + 1)
	case "DEL":
		removed := int64(0)
		for _, key := range args[1:] {
			if _, found := m.values[key]; found {
				delete(m.values, key)
				removed++
			}
		}
		return integer(removed)
	case "EXISTS":
		found := int64(0)
		for _, key := range args[1:] {
			if _, present := m.values[key]; present {
				found++
			}
		}
		return integer(found)
	case "ECHO":
		return bulk(args[1])
	default:
		return pong
	}
}

// randomSteps makes n requests on keys under prefix, arrays and inline mixed, with their replies.
func randomSteps(random *rand.Rand, prefix string, n int, maxValue int) []step {
	m := &model{values: map[string]string{}}
	key := func() string { return prefix + strconv.Itoa(random.Intn(16)) }
	steps := make([]step, 0, n)
	for len(steps) < n {
		var args []string
		switch random.Intn(8) {
		case 0, 1:
			value := make([]byte, random.Intn(maxValue+1))
			const alphabet = "ab\r\n $*0123456789"
			for i := range value {
				value[i] = alphabet[random.Intn(len(alphabet))]
			}
			args = []string{"SET", key(), string(value)}
		case 2, 3:
			args = []string{"GET", key()}
		case 4:
			// INCR only on counters, so every reply is a number.
			args = []string{"INCR", prefix + "n" + strconv.Itoa(random.Intn(3))}
		case 5:
			args = []string{"DEL", key(), key()}
		case 6:
			args = []string{"EXISTS", key(), key(), key()}
		default:
			args = []string{"ECHO", "e" + strconv.Itoa(random.Intn(1000))}
		}
		expected := m.apply(args)
		request := command(args...)
		// Inline when the words allow it: no spaces, line breaks or empty words.
		if random.Intn(4) == 0 && !strings.ContainsAny(strings.Join(args, ""), " \r\n") && !containsEmpty(args) {
			request = inline(strings.Join(args, " "))
		}
		steps = append(steps, step{request, expected})
	}
	return steps
}

func containsEmpty(words []string) bool {
	for _, word := range words {
		if word == "" {
			return true
		}
	}
	return false
}

// runPipelined sends every request in one write (from a second goroutine, so a server that answers
// as it reads never blocks on us) and checks every reply in order.
func runPipelined(c *client, steps []step) error {
	var all []byte
	for _, s := range steps {
		all = append(all, s.request...)
	}
	sent := make(chan error, 1)
	go func() { sent <- c.send(all) }()
	for i, s := range steps {
		got, err := c.readReply(fmt.Sprintf("request %s of %s in one write (%s)", count(i+1), count(len(steps)), describe(s.request)))
		if err != nil {
			if i > 0 && strings.HasPrefix(err.Error(), "no reply") {
				return fail("%v. One read can hold many requests: answer every complete one, and keep an incomplete rest for the next read", err)
			}
			return err
		}
		if got != s.expected {
			return fail("%s requests sent in one write: the reply to request %s (%s) should be %s, got %s", count(len(steps)), count(i+1), describe(s.request), show(s.expected), show(got))
		}
	}
	return <-sent
}

// pipeline: a thousand requests in one write on one connection, then twenty connections at once.
func pipeline(_ []string) (map[string]any, error) {
	random := rand.New(rand.NewSource(6379))
	c, err := dial()
	if err != nil {
		return nil, err
	}
	defer c.conn.Close()
	if err := runPipelined(c, randomSteps(random, "pipe:", 1000, 40)); err != nil {
		return nil, err
	}
	batches := make([][]step, 20)
	for i := range batches {
		batches[i] = randomSteps(random, fmt.Sprintf("pipe%d:", i), 500, 200)
	}
	return map[string]any{"requests": 1000 + 20*500}, together(len(batches), func(i int) error {
		c, err := dial()
		if err != nil {
			return err
		}
		defer c.conn.Close()
		return runPipelined(c, batches[i])
	})
}

// together runs n clients at once and returns the first failure.
func together(n int, run func(i int) error) error {
	errs := make(chan error, n)
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			errs <- run(i)
		}(i)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// fragments: requests cut at every byte, then a stream sent a few bytes at a time.
func fragments(_ []string) (map[string]any, error) {
	c, err := dial()
	if err != nil {
		return nil, err
	}
	defer c.conn.Close()
	_ = c.conn.SetNoDelay(true)
	if err := c.clear("frag:n"); err != nil {
		return nil, err
	}
	// Each request is sent cut in two at every byte; the INCR's reply counts the times it was sent.
	whole := []struct {
		request  []byte
		expected func(cut int) string
	}{
		{command("SET", "frag:k", "v\r\nw"), func(int) string { return ok }},
		{inline("INCR frag:n"), func(cut int) string { return integer(int64(cut)) }},
		{command("GET", "frag:k"), func(int) string { return bulk("v\r\nw") }},
	}
	for _, s := range whole {
		for cut := 1; cut < len(s.request); cut++ {
			if err := c.send(s.request[:cut]); err != nil {
				return nil, err
			}
			time.Sleep(time.Millisecond)
			if err := c.send(s.request[cut:]); err != nil {
				return nil, err
			}
			got, err := c.readReply(fmt.Sprintf("%s sent in two pieces cut after byte %d", describe(s.request), cut))
			if err != nil {
				return nil, err
			}
			if expected := s.expected(cut); got != expected {
				return nil, fail("%s sent in two pieces (cut after byte %d of %d): expected %s, got %s", describe(s.request), cut, len(s.request), show(expected), show(got))
			}
		}
	}
	random := rand.New(rand.NewSource(42))
	steps := randomSteps(random, "dribble:", 300, 300)
	var all []byte
	for _, s := range steps {
		all = append(all, s.request...)
	}
	sent := make(chan error, 1)
	go func() {
		for len(all) > 0 {
			n := 1 + random.Intn(7)
			if n > len(all) {
				n = len(all)
			}
			if err := c.send(all[:n]); err != nil {
				sent <- err
				return
			}
			all = all[n:]
			if random.Intn(40) == 0 {
				time.Sleep(time.Millisecond)
			}
		}
		sent <- nil
	}()
	for i, s := range steps {
		got, err := c.readReply(fmt.Sprintf("request %d of a stream sent 1 to 7 bytes at a time (%s)", i+1, describe(s.request)))
		if err != nil {
			return nil, err
		}
		if got != s.expected {
			return nil, fail("requests sent 1 to 7 bytes at a time: the reply to request %d (%s) should be %s, got %s", i+1, describe(s.request), show(s.expected), show(got))
		}
	}
	return map[string]any{"requests": len(steps)}, <-sent
}

// slowClient: one client sends half a request and pauses; the others must be served meanwhile,
// new connections included.
func slowClient(_ []string) (map[string]any, error) {
	slow, err := dial()
	if err != nil {
		return nil, err
	}
	defer slow.conn.Close()
	request := command("SET", "slow:key", "patience")
	if err := slow.send(request[:13]); err != nil {
		return nil, err
	}
	// Long enough that a server waiting on the paused client keeps the others waiting well past the
	// deadline below; a server that goes back to epoll_wait answers them in milliseconds.
	const pause = 500 * time.Millisecond
	started := time.Now()
	err = together(4, func(i int) error {
		c, err := dial()
		if err != nil {
			return err
		}
		defer c.conn.Close()
		for j := 0; j < 50; j++ {
			key := fmt.Sprintf("slow:%d", i)
			if err := c.exchange(command("SET", key, strconv.Itoa(j)), ok); err != nil {
				return err
			}
			if err := c.exchange(command("GET", key), bulk(strconv.Itoa(j))); err != nil {
				return err
			}
		}
		return nil
	})
	served := time.Since(started)
	if err != nil {
		return nil, fail("while one client had sent half a request and paused, another client got no answer: %v. Your server waited on the paused client; read only what is there, keep the partial request, and go back to epoll_wait", err)
	}
	if served > 330*time.Millisecond {
		return nil, fail("while one client had sent half a request and paused for %v, the other clients' 400 requests took %v: your server waited on the paused client", pause, served.Round(time.Millisecond))
	}
	time.Sleep(pause - time.Since(started))
	if err := slow.send(request[13:]); err != nil {
		return nil, err
	}
	got, err := slow.readReply("the rest of a request sent after a pause")
	if err != nil {
		return nil, err
	}
	if got != ok {
		return nil, fail("a SET whose second half came %v after its first: expected %s, got %s", pause, show(ok), show(got))
	}
	return map[string]any{"servedMs": served.Milliseconds()}, nil
}

// stuckReader: one client asks for many copies of a large value and never reads them, so the
// server's socket to it is full for the whole scenario; the others must be served meanwhile, and
// after it leaves.
func stuckReader(_ []string) (map[string]any, error) {
	const copies = 32 // 32 MiB of replies: far more than the two sockets' buffers hold
	big := value(rand.New(rand.NewSource(15)), 1<<20)
	stuck, err := dial()
	if err != nil {
		return nil, err
	}
	defer stuck.conn.Close()
	_ = stuck.conn.SetReadBuffer(16 * 1024)
	if err := stuck.exchange(command("SET", "stuck:big", big), ok); err != nil {
		return nil, err
	}
	if err := stuck.send(bytes.Repeat(command("GET", "stuck:big"), copies)); err != nil {
		return nil, err
	}
	// The first reply has begun: the server is writing to a socket that will soon take no more.
	_ = stuck.conn.SetReadDeadline(time.Now().Add(replyTimeout))
	if header, err := stuck.reader.ReadString('\n'); err != nil || header != fmt.Sprintf("$%d\r\n", len(big)) {
		if err != nil {
			return nil, stuck.readError("a GET of a 1 MiB value", err, header)
		}
		return nil, fail("sent a GET of a 1 MiB value, expected the reply to start with %s, got %s", show(fmt.Sprintf("$%d\r\n", len(big))), show(header))
	}
	started := time.Now()
	err = together(4, func(i int) error {
		c, err := dial()
		if err != nil {
			return err
		}
		defer c.conn.Close()
		for j := 0; j < 50; j++ {
			key := fmt.Sprintf("stuck:%d", i)
			if err := c.exchange(command("SET", key, strconv.Itoa(j)), ok); err != nil {
				return err
			}
			if err := c.exchange(command("GET", key), bulk(strconv.Itoa(j))); err != nil {
				return err
			}
		}
		return nil
	})
	served := time.Since(started)
	const why = "Your server waited to write to a client that does not read; write what the socket takes, keep the rest, and go back to epoll_wait"
	if err != nil {
		return nil, fail("while a client that never reads its replies stayed connected, another client got no answer: %v. %s", err, why)
	}
	if served > time.Second {
		return nil, fail("while a client that never reads its replies stayed connected, the other clients' 400 requests took %v. %s", served.Round(time.Millisecond), why)
	}
	// It leaves with megabytes of replies unsent; the server must drop them and serve on.
	_ = stuck.conn.Close()
	after, err := dial()
	if err != nil {
		return nil, fail("after a client left with %d MiB of replies unread, the server no longer accepts connections: %v", copies, err)
	}
	defer after.conn.Close()
	for _, s := range []step{{command("PING"), pong}, {command("GET", "stuck:3"), bulk("49")}, {command("EXISTS", "stuck:big"), integer(1)}} {
		if err := after.exchange(s.request, s.expected); err != nil {
			return nil, fail("after a client left with %d MiB of replies unread: %v", copies, err)
		}
	}
	return map[string]any{"unreadCopies": copies, "servedMs": served.Milliseconds()}, nil
}

// value makes a pseudo-random binary value of n bytes, line breaks included.
func value(random *rand.Rand, n int) string {
	b := make([]byte, n)
	random.Read(b)
	for i := 0; i < n; i += 997 {
		b[i] = '\r'
		if i+1 < n {
			b[i+1] = '\n'
		}
	}
	return string(b)
}

// largeValues: multi-megabyte values stored and fetched by clients that read slowly.
func largeValues(_ []string) (map[string]any, error) {
	random := rand.New(rand.NewSource(7))
	values := make([]string, 4)
	for i := range values {
		values[i] = value(random, 2<<20+i*12345)
	}
	err := together(len(values), func(i int) error {
		c, err := dial()
		if err != nil {
			return err
		}
		defer c.conn.Close()
		_ = c.conn.SetReadBuffer(16 * 1024)
		key := fmt.Sprintf("large:%d", i)
		if err := c.exchange(command("SET", key, values[i]), ok); err != nil {
			return err
		}
		// Three copies asked at once, read slowly: the server's socket buffer fills long before the end.
		if err := c.send(bytes.Repeat(command("GET", key), 3)); err != nil {
			return err
		}
		slow := &slowReader{conn: c.conn}
		c.reader = bufio.NewReaderSize(slow, 32*1024)
		for n := 1; n <= 3; n++ {
			got, err := c.readReply(fmt.Sprintf("GET of a %s-byte value (copy %d of 3, read slowly)", count(len(values[i])), n))
			if err != nil {
				return partialWriteHint(err)
			}
			if got != bulk(values[i]) {
				return fail("a %s-byte value fetched by a slow reader came back different (%s bytes): every byte of a reply must be written, in order", count(len(values[i])), count(len(got)))
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return map[string]any{"bytes": 3 * (len(values[0]) + len(values[1]) + len(values[2]) + len(values[3]))}, nil
}

func partialWriteHint(err error) error {
	var found failure
	if errors.As(err, &found) && strings.Contains(found.message, "stopped after") {
		return fail("%s: when write() takes only part of a reply (the socket buffer is full), keep the rest and write it when epoll reports the socket writable (EPOLLOUT)", found.message)
	}
	return err
}

// slowReader reads at most 32 KiB at a time, pausing between reads.
type slowReader struct{ conn *net.TCPConn }

func (s *slowReader) Read(p []byte) (int, error) {
	time.Sleep(500 * time.Microsecond)
	if len(p) > 32*1024 {
		p = p[:32*1024]
	}
	_ = s.conn.SetReadDeadline(time.Now().Add(replyTimeout))
	return s.conn.Read(p)
}

// disconnects: clients that vanish mid-request, mid-reply or at once; the server keeps serving.
func disconnects(_ []string) (map[string]any, error) {
	random := rand.New(rand.NewSource(11))
	big := value(random, 1<<20)
	setup, err := dial()
	if err != nil {
		return nil, err
	}
	defer setup.conn.Close()
	if err := setup.exchange(command("SET", "gone:big", big), ok); err != nil {
		return nil, err
	}
	if err := setup.exchange(command("SET", "gone:survivor", "still here"), ok); err != nil {
		return nil, err
	}
	const clients = 300
	ways := []string{"half a request", "pipelined requests without reading the replies", "nothing", "half of a 1 MiB value", "three 1 MiB replies they never read"}
	way := func(i int) int {
		switch {
		case i%20 == 19:
			return 4
		case i%4 == 3:
			return 3
		default:
			return i % 3
		}
	}
	err = together(clients, func(i int) error {
		c, err := dial()
		if err != nil {
			return err
		}
		switch way(i) {
		case 0:
			_ = c.send(command("SET", "gone:x", "y")[:9])
		case 1:
			_ = c.send(bytes.Repeat(command("GET", "gone:survivor"), 50))
		case 3:
			_ = c.send(command("SET", "gone:half", big)[:600*1024])
		case 4:
			_ = c.send(bytes.Repeat(command("GET", "gone:big"), 3))
			time.Sleep(20 * time.Millisecond)
		}
		if i%2 == 0 {
			c.abort()
		} else {
			_ = c.conn.Close()
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	time.Sleep(100 * time.Millisecond)
	after, err := dial()
	if err != nil {
		return nil, fail("after %d clients disconnected abruptly (having sent %s), the server no longer accepts connections: %v", clients, strings.Join(ways, ", "), err)
	}
	defer after.conn.Close()
	for _, s := range []step{{command("PING"), pong}, {command("GET", "gone:survivor"), bulk("still here")}, {command("EXISTS", "gone:half"), integer(0)}} {
		if err := after.exchange(s.request, s.expected); err != nil {
			return nil, fail("after %d clients disconnected abruptly (having sent %s): %v", clients, strings.Join(ways, ", "), err)
		}
	}
	return map[string]any{"clients": clients}, nil
}

// many: n connections open at once, each storing and then reading its own key.
func many(args []string) (map[string]any, error) {
	n := 10000
	if len(args) > 0 {
		parsed, err := strconv.Atoi(args[0])
		if err != nil {
			return nil, fmt.Errorf("bad connection count %q", args[0])
		}
		n = parsed
	}
	clients := make([]*client, n)
	defer func() {
		for _, c := range clients {
			if c != nil {
				c.abort()
			}
		}
	}()
	// Connect in waves so a backlog of 128 is enough; each connection proves itself at once.
	if err := inWaves(n, 256, func(i int) error {
		c, err := dial()
		if err != nil {
			return fail("could open only some of %s connections at once: %v", count(n), err)
		}
		clients[i] = c
		return c.exchange(command("SET", fmt.Sprintf("many:%d", i), strconv.Itoa(i)), ok)
	}); err != nil {
		return nil, err
	}
	// Every connection open; each now reads its key back, in waves.
	err := inWaves(n, 256, func(i int) error {
		return clients[i].exchangeAll([]step{
			{command("GET", fmt.Sprintf("many:%d", i)), bulk(strconv.Itoa(i))},
			{command("EXISTS", fmt.Sprintf("many:%d", (i+1)%n)), integer(1)},
		})
	})
	if err != nil {
		return nil, fail("with %s connections open at once: %v", count(n), err)
	}
	return map[string]any{"connections": n}, nil
}

// inWaves runs work(0..n-1) with at most width at once, stopping at the first failure.
func inWaves(n, width int, work func(i int) error) error {
	next := make(chan int)
	errs := make(chan error, width)
	var wg sync.WaitGroup
	var stop sync.Once
	done := make(chan struct{})
	for w := 0; w < width; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := work(i); err != nil {
					errs <- err
					stop.Do(func() { close(done) })
					return
				}
			}
		}()
	}
	func() {
		defer close(next)
		for i := 0; i < n; i++ {
			select {
			case next <- i:
			case <-done:
				return
			}
		}
	}()
	wg.Wait()
	close(errs)
	return <-errs
}

// idle: connections that say one thing and then wait; the host measures the server's CPU meanwhile.
func idle(args []string) (map[string]any, error) {
	seconds := 2.0
	if len(args) > 0 {
		parsed, err := strconv.ParseFloat(args[0], 64)
		if err != nil {
			return nil, fmt.Errorf("bad idle time %q", args[0])
		}
		seconds = parsed
	}
	clients := make([]*client, 50)
	defer func() {
		for _, c := range clients {
			if c != nil {
				_ = c.conn.Close()
			}
		}
	}()
	for i := range clients {
		c, err := dial()
		if err != nil {
			return nil, err
		}
		clients[i] = c
		if err := c.exchange(command("PING"), pong); err != nil {
			return nil, err
		}
	}
	time.Sleep(time.Duration(seconds * float64(time.Second)))
	for _, c := range clients {
		if err := c.exchange(command("PING"), pong); err != nil {
			return nil, fail("after %v idle: %v", seconds, err)
		}
	}
	return map[string]any{"idleSeconds": seconds}, nil
}

// load: closed-loop pipelined load; throughput, p99 latency of a batch, and what the tool itself spent.
func load(args []string) (map[string]any, error) {
	if len(args) < 3 {
		return nil, fmt.Errorf("usage: load <connections> <depth> <seconds>")
	}
	connections, err1 := strconv.Atoi(args[0])
	depth, err2 := strconv.Atoi(args[1])
	seconds, err3 := strconv.ParseFloat(args[2], 64)
	if err1 != nil || err2 != nil || err3 != nil || connections < 1 || depth < 3 {
		return nil, fmt.Errorf("bad load arguments %v", args)
	}
	type result struct {
		requests  int // in the measured window
		all       int // warm-up included, for the tool's own cost per request
		latencies []time.Duration
		err       error
	}
	warmup := 200 * time.Millisecond
	start := time.Now()
	measureFrom, measureTo := start.Add(warmup), start.Add(warmup+time.Duration(seconds*float64(time.Second)))
	results := make([]result, connections)
	cpuBefore := cpuTime()
	var wg sync.WaitGroup
	for i := 0; i < connections; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			r := &results[i]
			c, err := dial()
			if err != nil {
				r.err = err
				return
			}
			defer c.conn.Close()
			// The same batch every time, so its replies are known bytes compared in one go.
			var request, expected []byte
			perBatch := 0 // requests in the batch: SET, GET and PING per key
			for j := 0; len(request) == 0 || j < depth; j += 3 {
				key := fmt.Sprintf("load:%d:%d", i, j)
				v := fmt.Sprintf("value-%d-%d-%s", i, j, strings.Repeat("x", 16))
				request = append(append(append(request, command("SET", key, v)...), command("GET", key)...), command("PING")...)
				expected = append(append(append(expected, ok...), bulk(v)...), pong...)
				perBatch += 3
			}
			got := make([]byte, len(expected))
			for {
				now := time.Now()
				if now.After(measureTo) {
					return
				}
				_ = c.conn.SetDeadline(now.Add(replyTimeout))
				if _, err := c.conn.Write(request); err != nil {
					r.err = fail("under load: could not send: %v", err)
					return
				}
				if _, err := io.ReadFull(c.conn, got); err != nil {
					r.err = c.readError(fmt.Sprintf("a batch of %d pipelined requests under load", perBatch), err, "")
					return
				}
				if !bytes.Equal(got, expected) {
					at := 0
					for at < len(got) && got[at] == expected[at] {
						at++
					}
					r.err = fail("under load, the replies to a batch of %d pipelined requests differ at byte %d: expected %s, got %s", perBatch, at, show(string(expected[at:])), show(string(got[at:])))
					return
				}
				r.all += perBatch
				if now.After(measureFrom) {
					r.requests += perBatch
					r.latencies = append(r.latencies, time.Since(now))
				}
			}
		}(i)
	}
	wg.Wait()
	cpuMs := (cpuTime() - cpuBefore).Milliseconds()
	requests, all, latencies := 0, 0, []time.Duration{}
	for _, r := range results {
		if r.err != nil {
			return nil, r.err
		}
		requests += r.requests
		all += r.all
		latencies = append(latencies, r.latencies...)
	}
	if len(latencies) == 0 {
		return nil, fail("under load, no batch of requests was answered in %v", seconds)
	}
	sort.Slice(latencies, func(a, b int) bool { return latencies[a] < latencies[b] })
	p99 := latencies[(len(latencies)*99)/100]
	return map[string]any{
		"requests":       requests,
		"throughput":     float64(requests) / seconds,
		"p99Ms":          float64(p99.Microseconds()) / 1000,
		"generatorCpuMs": cpuMs,
		// Requests per second of the tool's own CPU: how fast it could go were the server infinitely fast.
		"generatorCapacity": float64(all) / (float64(cpuMs) / 1000),
		"seconds":           seconds,
	}, nil
}

// cpuTime is the CPU this process has used (user and system), for its own headroom figure.
func cpuTime() time.Duration {
	var usage syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}
