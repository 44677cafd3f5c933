// Known bad: the idiomatic Go server, a goroutine per connection on the net package. It works (Go's
// runtime runs the epoll loop for it), but the exercise is to write that loop: refused before building.
package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"strconv"
	"strings"
	"sync"
)

var (
	mu    sync.Mutex
	store = map[string]string{}
)

func readRequest(r *bufio.Reader) ([]string, error) {
	line, err := r.ReadString('\n')
	if err != nil {
		return nil, err
	}
	line = strings.TrimSuffix(strings.TrimSuffix(line, "\n"), "\r")
	if !strings.HasPrefix(line, "*") {
		return strings.Fields(line), nil
	}
	count, _ := strconv.Atoi(line[1:])
	args := make([]string, 0, count)
	for i := 0; i < count; i++ {
		header, err := r.ReadString('\n')
		if err != nil {
			return nil, err
		}
		n, _ := strconv.Atoi(strings.TrimSpace(header[1:]))
		body := make([]byte, n+2)
		if _, err := io.ReadFull(r, body); err != nil {
			return nil, err
		}
		args = append(args, string(body[:n]))
	}
	return args, nil
}

func bulk(s string) string { return fmt.Sprintf("$%d\r\n%s\r\n", len(s), s) }

func execute(args []string) string {
	mu.Lock()
	defer mu.Unlock()
	switch strings.ToUpper(args[0]) {
	case "PING":
		if len(args) == 2 {
			return bulk(args[1])
		}
		return "+PONG\r\n"
	case "ECHO":
		return bulk(args[1])
	case "SET":
		store[args[1]] = args[2]
		return "+OK\r\n"
	case "GET":
		if v, ok := store[args[1]]; ok {
			return bulk(v)
		}
		return "$-1\r\n"
	case "DEL", "EXISTS":
		n := 0
		for _, key := range args[1:] {
			if _, ok := store[key]; ok {
				n++
				if strings.ToUpper(args[0]) == "DEL" {
					delete(store, key)
				}
			}
		}
		return ":" + strconv.Itoa(n) + "\r\n"
	case "INCR":
		n, err := strconv.ParseInt(store[args[1]], 10, 64)
		if err != nil && store[args[1]] != "" {
			return "-ERR value is not an integer or out of range\r\n"
		}
		store[args[1]] = strconv.FormatInt(n+1, 10)
		return ":" + store[args[1]] + "\r\n"
	}
	return "-ERR unknown command '" + args[0] + "', with args beginning with: \r\n"
}

func serve(conn net.Conn) {
	defer conn.Close()
	r, w := bufio.NewReader(conn), bufio.NewWriter(conn)
	for {
		args, err := readRequest(r)
		if err != nil {
			return
		}
		if len(args) > 0 {
			w.WriteString(execute(args))
		}
		if r.Buffered() == 0 && w.Flush() != nil {
			return
		}
	}
}

func main() {
	listener, err := net.Listen("tcp", ":6379")
	if err != nil {
		panic(err)
	}
	for {
		conn, err := listener.Accept()
		if err == nil {
			go serve(conn)
		}
	}
}
