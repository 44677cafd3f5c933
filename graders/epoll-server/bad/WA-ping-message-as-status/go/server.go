// Known bad: PING with a message replies with it as a status line (+message) instead of a bulk
// string. Caught by "every command and error": PING "hello world" expects "$11\r\nhello world\r\n".
package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"syscall"
)

const (
	port     = 6379
	readSize = 256 * 1024
	maxBulk  = 512 * 1024 * 1024 // Redis's proto-max-bulk-len
	maxCount = 1<<31 - 1
	epollET  = 1 << 31 // syscall.EPOLLET is a negative int, which uint32 cannot hold
	watchIn  = syscall.EPOLLIN | epollET
	watchOut = syscall.EPOLLIN | syscall.EPOLLOUT | epollET
	bigBuf   = 1 << 20 // a drained buffer larger than this is let go
)

type conn struct {
	fd       int
	in       []byte // received, not parsed yet
	out      []byte // replies; out[sent:] is what the socket has not taken yet
	sent     int
	watching bool // EPOLLOUT is asked for
	closing  bool // a protocol error was answered: close once it is sent
}

var (
	store   = map[string][]byte{}
	conns   = map[int]*conn{}
	epfd    int
	readBuf = make([]byte, readSize)
	argsBuf = make([][]byte, 0, 16)
)

type protocolError string

func (e protocolError) Error() string { return string(e) }

// parseInt is Redis's string2ll: "0", or an optional '-' and digits without a leading zero, in int64.
func parseInt(s []byte) (int64, bool) {
	if len(s) == 1 && s[0] == '0' {
		return 0, true
	}
	digits := s
	if len(s) > 0 && s[0] == '-' {
		digits = s[1:]
	}
	// 19 digits cannot overflow a uint64; 20 are beyond an int64 anyway.
	if len(digits) == 0 || len(digits) > 19 || digits[0] == '0' {
		return 0, false
	}
	var v uint64
	for _, d := range digits {
		if d < '0' || d > '9' {
			return 0, false
		}
		v = v*10 + uint64(d-'0')
	}
	if len(digits) < len(s) {
		if v > 1<<63 {
			return 0, false
		}
		return -int64(v), true // 1<<63 wraps to the smallest int64, as wanted
	}
	if v > 1<<63-1 {
		return 0, false
	}
	return int64(v), true
}

func isSpace(b byte) bool { // C's isspace, as Redis splits inline commands
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\v' || b == '\f'
}

// parseRequest parses the request at the start of data into args. It returns how many bytes the
// request takes, 0 if it is not complete yet.
func parseRequest(data []byte, args [][]byte) ([][]byte, int, error) {
	if data[0] != '*' { // an inline command
		newline := bytes.IndexByte(data, '\n')
		if newline < 0 {
			return args, 0, nil
		}
		line := data[:newline]
		for i := 0; i < len(line); {
			for i < len(line) && isSpace(line[i]) {
				i++
			}
			start := i
			for i < len(line) && !isSpace(line[i]) {
				i++
			}
			if i > start {
				args = append(args, line[start:i])
			}
		}
		return args, newline + 1, nil
	}

	// An array of bulk strings; each header ends in "\r\n", each string is read by its length.
	cr := bytes.IndexByte(data, '\r')
	if cr < 0 || cr+1 >= len(data) {
		return args, 0, nil
	}
	count, ok := parseInt(data[1:cr])
	if !ok || count > maxCount {
		return args, 0, protocolError("invalid multibulk length")
	}
	at := cr + 2
	for i := int64(0); i < count; i++ { // "*0" and negative counts are empty requests
		cr = bytes.IndexByte(data[at:], '\r')
		if cr < 0 || at+cr+1 >= len(data) {
			return args, 0, nil
		}
		cr += at
		if data[at] != '$' {
			return args, 0, protocolError("expected '$', got '" + string(data[at:at+1]) + "'")
		}
		length, ok := parseInt(data[at+1 : cr])
		if !ok || length < 0 || length > maxBulk {
			return args, 0, protocolError("invalid bulk length")
		}
		at = cr + 2 + int(length)
		if at+2 > len(data) {
			return args, 0, nil
		}
		args = append(args, data[cr+2:at])
		at += 2
	}
	return args, at, nil
}

func appendBulk(out, value []byte) []byte {
	out = append(out, '$')
	out = strconv.AppendInt(out, int64(len(value)), 10)
	out = append(out, "\r\n"...)
	out = append(out, value...)
	return append(out, "\r\n"...)
}

func appendInt(out []byte, n int64) []byte {
	out = append(out, ':')
	out = strconv.AppendInt(out, n, 10)
	return append(out, "\r\n"...)
}

// appendError shows CR and LF as spaces, as Redis does, so an error quoting the client stays one line.
func appendError(out []byte, message string) []byte {
	out = append(out, "-ERR "...)
	for i := 0; i < len(message); i++ {
		if b := message[i]; b == '\r' || b == '\n' {
			out = append(out, ' ')
		} else {
			out = append(out, b)
		}
	}
	return append(out, "\r\n"...)
}

func cmdPing(out []byte, args [][]byte) []byte {
	if len(args) == 1 {
		return append(out, "+PONG\r\n"...)
	}
	return append(append(append(out, '+'), args[1]...), "\r\n"...)
}

func cmdEcho(out []byte, args [][]byte) []byte { return appendBulk(out, args[1]) }

func cmdSet(out []byte, args [][]byte) []byte {
	if len(args) > 3 { // SET's options (EX, NX, ...) are not part of the exercise
		return append(out, "-ERR syntax error\r\n"...)
	}
	store[string(args[1])] = append([]byte(nil), args[2]...) // args point into a reused buffer
	return append(out, "+OK\r\n"...)
}

func cmdGet(out []byte, args [][]byte) []byte {
	value, ok := store[string(args[1])]
	if !ok {
		return append(out, "$-1\r\n"...)
	}
	return appendBulk(out, value)
}

func cmdDel(out []byte, args [][]byte) []byte {
	removed := 0
	for _, key := range args[1:] {
		if _, ok := store[string(key)]; ok {
			delete(store, string(key))
			removed++
		}
	}
	return appendInt(out, int64(removed))
}

func cmdExists(out []byte, args [][]byte) []byte {
	found := 0
	for _, key := range args[1:] {
		if _, ok := store[string(key)]; ok {
			found++
		}
	}
	return appendInt(out, int64(found))
}

func cmdIncr(out []byte, args [][]byte) []byte {
	old, exists := store[string(args[1])]
	value, ok := int64(0), true
	if exists {
		value, ok = parseInt(old)
	}
	if !ok {
		return append(out, "-ERR value is not an integer or out of range\r\n"...)
	}
	if value == 1<<63-1 {
		return append(out, "-ERR increment or decrement would overflow\r\n"...)
	}
	store[string(args[1])] = strconv.AppendInt(old[:0], value+1, 10)
	return appendInt(out, value+1)
}

type command struct {
	run          func(out []byte, args [][]byte) []byte
	fewest, most int // arguments, counting the name itself
}

const anyNumber = 1 << 31

var commands = map[string]command{
	"ping":   {cmdPing, 1, 2},
	"echo":   {cmdEcho, 2, 2},
	"set":    {cmdSet, 3, anyNumber},
	"get":    {cmdGet, 2, 2},
	"del":    {cmdDel, 2, anyNumber},
	"exists": {cmdExists, 2, anyNumber},
	"incr":   {cmdIncr, 2, 2},
}

// cString cuts b at its first NUL, as C's printf would print it.
func cString(b []byte) []byte {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return b[:i]
	}
	return b
}

// unknownCommand prints like Redis: %.128s of the name, and arguments until 128 bytes are shown.
func unknownCommand(out []byte, args [][]byte) []byte {
	var shown []byte
	for _, arg := range args[1:] {
		if len(shown) >= 128 {
			break
		}
		arg = cString(arg)
		if room := 128 - len(shown); len(arg) > room {
			arg = arg[:room]
		}
		shown = append(append(append(shown, '\''), arg...), '\'', ' ')
	}
	name := cString(args[0])
	if len(name) > 128 {
		name = name[:128]
	}
	return appendError(out, "unknown command '"+string(name)+"', with args beginning with: "+string(shown))
}

func execute(out []byte, args [][]byte) []byte {
	var lower [8]byte // longer than any command name
	name := args[0]
	if len(name) > len(lower) {
		return unknownCommand(out, args)
	}
	for i, b := range name {
		if 'A' <= b && b <= 'Z' {
			b += 'a' - 'A'
		}
		lower[i] = b
	}
	cmd, ok := commands[string(lower[:len(name)])]
	if !ok {
		return unknownCommand(out, args)
	}
	if len(args) < cmd.fewest || len(args) > cmd.most {
		return appendError(out, "wrong number of arguments for '"+string(lower[:len(name)])+"' command")
	}
	return cmd.run(out, args)
}

// consume runs every complete request that chunk completes, appending the replies to c.out, and
// keeps the incomplete rest in c.in.
func (c *conn) consume(chunk []byte) {
	data := chunk
	if len(c.in) > 0 {
		c.in = append(c.in, chunk...)
		data = c.in
	}
	pos := 0
	for pos < len(data) {
		args, used, err := parseRequest(data[pos:], argsBuf[:0])
		if err != nil {
			c.out = appendError(c.out, "Protocol error: "+err.Error())
			c.closing = true
			c.in = nil
			return
		}
		if used == 0 {
			break
		}
		pos += used
		if len(args) > 0 {
			c.out = execute(c.out, args)
		}
	}
	rest := data[pos:]
	switch {
	case len(rest) == 0 && cap(c.in) > bigBuf:
		c.in = nil
	case len(rest) == 0:
		c.in = c.in[:0]
	case len(c.in) == 0: // rest is in the shared read buffer
		c.in = append(c.in, rest...)
	case pos > 0:
		c.in = c.in[:copy(c.in, rest)]
	}
}

func watch(op, fd int, events uint32) {
	ev := syscall.EpollEvent{Events: events, Fd: int32(fd)}
	if err := syscall.EpollCtl(epfd, op, fd, &ev); err != nil {
		fmt.Fprintln(os.Stderr, "epoll_ctl:", err)
	}
}

func (c *conn) close() {
	syscall.EpollCtl(epfd, syscall.EPOLL_CTL_DEL, c.fd, nil)
	syscall.Close(c.fd)
	delete(conns, c.fd)
}

// flush writes the pending replies until they are sent or the socket is full; it reports false if
// the connection was closed.
func (c *conn) flush() bool {
	for c.sent < len(c.out) {
		n, err := syscall.Write(c.fd, c.out[c.sent:])
		switch {
		case err == syscall.EINTR:
			continue
		case err == syscall.EAGAIN:
			if !c.watching {
				watch(syscall.EPOLL_CTL_MOD, c.fd, watchOut)
				c.watching = true
			}
			return true
		case err != nil: // EPIPE, ECONNRESET: the client has gone
			c.close()
			return false
		}
		c.sent += n
	}
	c.out, c.sent = c.out[:0], 0
	if cap(c.out) > bigBuf {
		c.out = nil
	}
	if c.watching {
		watch(syscall.EPOLL_CTL_MOD, c.fd, watchIn)
		c.watching = false
	}
	if c.closing {
		c.close()
		return false
	}
	return true
}

func (c *conn) onReadable() {
	// Edge-triggered: epoll will not report this data again, so read until EAGAIN.
	eof := false
	for {
		n, err := syscall.Read(c.fd, readBuf)
		if err == syscall.EINTR {
			continue
		}
		if err == syscall.EAGAIN {
			break
		}
		if err != nil { // ECONNRESET: nobody is left to answer
			c.close()
			return
		}
		if n == 0 {
			eof = true
			break
		}
		if !c.closing {
			c.consume(readBuf[:n])
		}
	}
	// One write for everything this wake answered; replies to what came before a clean EOF are
	// sent if the socket takes them at once.
	if c.flush() && eof {
		c.close()
	}
}

func acceptAll(lfd int) {
	for {
		fd, _, err := syscall.Accept4(lfd, syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC)
		switch {
		case err == syscall.EAGAIN:
			return
		case err == syscall.EINTR || err == syscall.ECONNABORTED:
			continue
		case err != nil: // EMFILE: the rest stay queued until the next connection wakes us
			fmt.Fprintln(os.Stderr, "accept:", err)
			return
		}
		syscall.SetsockoptInt(fd, syscall.IPPROTO_TCP, syscall.TCP_NODELAY, 1)
		conns[fd] = &conn{fd: fd}
		watch(syscall.EPOLL_CTL_ADD, fd, watchIn)
	}
}

func listen() (int, error) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_NONBLOCK|syscall.SOCK_CLOEXEC, 0)
	if err != nil {
		return -1, err
	}
	if err := syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1); err != nil {
		return -1, err
	}
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Port: port, Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		return -1, err
	}
	return fd, syscall.Listen(fd, 4096)
}

func main() {
	runtime.LockOSThread()
	lfd, err := listen()
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen:", err)
		os.Exit(1)
	}
	if epfd, err = syscall.EpollCreate1(syscall.EPOLL_CLOEXEC); err != nil {
		fmt.Fprintln(os.Stderr, "epoll_create1:", err)
		os.Exit(1)
	}
	watch(syscall.EPOLL_CTL_ADD, lfd, watchIn)

	events := make([]syscall.EpollEvent, 1024)
	for {
		n, err := syscall.EpollWait(epfd, events, -1)
		if err == syscall.EINTR { // the Go runtime's own signals interrupt the wait
			continue
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "epoll_wait:", err)
			os.Exit(1)
		}
		for _, ev := range events[:n] {
			fd := int(ev.Fd)
			if fd == lfd {
				acceptAll(lfd)
				continue
			}
			c := conns[fd]
			if c == nil {
				continue
			}
			if ev.Events&syscall.EPOLLOUT != 0 && !c.flush() {
				continue
			}
			if ev.Events&(syscall.EPOLLIN|syscall.EPOLLHUP|syscall.EPOLLERR) != 0 {
				c.onReadable()
			}
		}
	}
}
