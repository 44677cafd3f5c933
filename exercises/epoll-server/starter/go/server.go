// An epoll key-value server. This starter runs: it accepts clients on port 6379 and answers every
// line they send with an error, so you can watch the loop work (try `redis-cli -p 6379 PING`).
// The TODOs mark what is left to write. Use syscall only: the net package is not allowed here.
package main

import (
	"bytes"
	"fmt"
	"os"
	"syscall"
)

var store = map[string][]byte{} // the key space, shared by every connection

// handleInput returns the replies to the requests that data, just read from connection fd, completes.
func handleInput(fd int, data []byte) []byte {
	// TODO: append data to this connection's input buffer, then parse every complete request in
	// it: an array of bulk strings ("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"; read each string by its
	// length, it may hold "\r\n") or an inline command ("GET k\r\n"). Keep the incomplete rest
	// for the next read. Run each command on store and append its reply, exactly as Redis would.
	return bytes.Repeat([]byte("-ERR not implemented yet\r\n"), bytes.Count(data, []byte("\n")))
}

func listen() (int, error) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM|syscall.SOCK_NONBLOCK, 0)
	if err != nil {
		return -1, err
	}
	syscall.SetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_REUSEADDR, 1)
	if err := syscall.Bind(fd, &syscall.SockaddrInet4{Port: 6379, Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		return -1, err
	}
	return fd, syscall.Listen(fd, 4096)
}

func main() {
	lfd, err := listen()
	if err != nil {
		fmt.Fprintln(os.Stderr, "listen on 6379:", err)
		os.Exit(1)
	}
	epfd, err := syscall.EpollCreate1(0)
	if err != nil {
		fmt.Fprintln(os.Stderr, "epoll_create1:", err)
		os.Exit(1)
	}
	syscall.EpollCtl(epfd, syscall.EPOLL_CTL_ADD, lfd, &syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: int32(lfd)})

	events := make([]syscall.EpollEvent, 128)
	buf := make([]byte, 65536)
	for {
		// TODO: level-triggered for now (epoll reports a descriptor until it is drained). With
		// edge-triggered epoll (EPOLLET is 1<<31), accept and read must loop until EAGAIN.
		n, err := syscall.EpollWait(epfd, events, -1)
		if err != nil { // EINTR: the Go runtime's signals interrupt the wait
			continue
		}
		for _, ev := range events[:n] {
			fd := int(ev.Fd)
			if fd == lfd {
				cfd, _, err := syscall.Accept4(lfd, syscall.SOCK_NONBLOCK)
				if err == nil {
					syscall.EpollCtl(epfd, syscall.EPOLL_CTL_ADD, cfd, &syscall.EpollEvent{Events: syscall.EPOLLIN, Fd: int32(cfd)})
				}
				continue
			}

			got, err := syscall.Read(fd, buf)
			if err == syscall.EAGAIN {
				continue
			}
			if err != nil || got == 0 { // the client has gone
				syscall.EpollCtl(epfd, syscall.EPOLL_CTL_DEL, fd, nil)
				syscall.Close(fd) // TODO: and forget its buffers
				continue
			}

			syscall.Write(fd, handleInput(fd, buf[:got]))
			// TODO: Write may take only part of the replies (a slow client, a large value). Keep
			// the rest in this connection's output buffer, ask epoll for EPOLLOUT on it, and write
			// the rest when it says the socket is writable; then stop asking for EPOLLOUT.
		}
	}
}
