"""An epoll key-value server. This starter runs: it accepts clients on port 6379 and answers
every line they send with an error, so you can watch the loop work (try `redis-cli -p 6379 PING`).
The TODOs mark what is left to write."""
import select
import socket

HOST, PORT = "127.0.0.1", 6379
store: dict[bytes, bytes] = {}  # the key space, shared by every connection


def handle_input(fd: int, data: bytes) -> bytes:
    """Returns the replies to the requests that data, just read from connection fd, completes."""
    # TODO: append data to this connection's input buffer, then parse every complete request in
    # it: an array of bulk strings ("*2\r\n$3\r\nGET\r\n$1\r\nk\r\n"; read each string by its
    # length, it may hold "\r\n") or an inline command ("GET k\r\n"). Keep the incomplete rest
    # for the next read. Run each command on store and append its reply, exactly as Redis would.
    return b"-ERR not implemented yet\r\n" * data.count(b"\n")


def main() -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((HOST, PORT))
    listener.listen(4096)
    listener.setblocking(False)

    epoll = select.epoll()
    epoll.register(listener.fileno(), select.EPOLLIN)
    clients: dict[int, socket.socket] = {}

    while True:
        # TODO: level-triggered for now (epoll reports a socket until it is drained). With
        # EPOLLET, accept and recv must loop until BlockingIOError.
        for fd, events in epoll.poll():
            if fd == listener.fileno():
                try:
                    sock, _ = listener.accept()
                except BlockingIOError:
                    continue
                sock.setblocking(False)
                clients[sock.fileno()] = sock
                epoll.register(sock.fileno(), select.EPOLLIN)
                continue

            sock = clients[fd]
            try:
                data = sock.recv(65536)
            except BlockingIOError:
                continue
            except ConnectionError:
                data = b""
            if not data:  # the client has gone
                epoll.unregister(fd)
                sock.close()
                del clients[fd]  # TODO: and forget its buffers
                continue

            try:
                sock.send(handle_input(fd, data))
            except (BlockingIOError, ConnectionError):
                pass
            # TODO: send may take only part of the replies (a slow client, a large value). Keep
            # the rest in this connection's output buffer, register EPOLLOUT for it, and write
            # the rest when epoll says the socket is writable; then stop asking for EPOLLOUT.


if __name__ == "__main__":
    main()
