"""Known bad: lower-cases every word of a request, not only the command name, so keys that differ in
case are one key. Caught by "every command and error": SET cmd:Greet overwrites cmd:greet."""
import select
import socket
import sys

HOST, PORT = "127.0.0.1", 6379
READ_SIZE = 256 * 1024
MAX_BULK = 512 * 1024 * 1024  # Redis's proto-max-bulk-len
INT_MAX = (1 << 31) - 1
INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
IN, IN_OUT = select.EPOLLIN | select.EPOLLET, select.EPOLLIN | select.EPOLLOUT | select.EPOLLET

store: dict[bytes, bytes] = {}


class ProtocolError(Exception):
    """A request Redis refuses: it replies with the error and closes the connection."""


class Connection:
    __slots__ = ("sock", "chunks", "size", "need", "out", "closing")

    def __init__(self, sock: socket.socket) -> None:
        self.sock = sock
        self.chunks: list[bytes] = []  # received, not parsed yet
        self.size = 0
        # Parse again only once size reaches need: a large value arriving in many reads is joined
        # once, not once per read.
        self.need = 1
        self.out = bytearray()  # replies the socket has not taken yet
        self.closing = False


def parse_int(text: bytes) -> int | None:
    """Redis's string2ll: "0", or an optional '-' and digits without a leading zero, in int64."""
    digits = text[1:] if text[:1] == b"-" else text
    if not digits.isdigit() or len(text) > 20 or (digits[0] == 48 and text != b"0"):
        return None
    value = int(text)
    return value if INT64_MIN <= value <= INT64_MAX else None


def bulk(value: bytes) -> bytes:
    return b"$%d\r\n%b\r\n" % (len(value), value)


def cmd_ping(args: list[bytes]) -> bytes:
    return b"+PONG\r\n" if len(args) == 1 else bulk(args[1])


def cmd_echo(args: list[bytes]) -> bytes:
    return bulk(args[1])


def cmd_set(args: list[bytes]) -> bytes:
    if len(args) > 3:  # SET's options (EX, NX, ...) are not part of the exercise
        return b"-ERR syntax error\r\n"
    store[args[1]] = args[2]
    return b"+OK\r\n"


def cmd_get(args: list[bytes]) -> bytes:
    value = store.get(args[1])
    return b"$-1\r\n" if value is None else bulk(value)


def cmd_del(args: list[bytes]) -> bytes:
    return b":%d\r\n" % sum(store.pop(key, None) is not None for key in args[1:])


def cmd_exists(args: list[bytes]) -> bytes:
    return b":%d\r\n" % sum(key in store for key in args[1:])


def cmd_incr(args: list[bytes]) -> bytes:
    value = parse_int(store.get(args[1], b"0"))
    if value is None:
        return b"-ERR value is not an integer or out of range\r\n"
    if value == INT64_MAX:
        return b"-ERR increment or decrement would overflow\r\n"
    store[args[1]] = b"%d" % (value + 1)
    return b":%d\r\n" % (value + 1)


ANY = 1 << 31
# name: (handler, fewest arguments, most arguments), counting the name itself
COMMANDS = {
    b"ping": (cmd_ping, 1, 2),
    b"echo": (cmd_echo, 2, 2),
    b"set": (cmd_set, 3, ANY),
    b"get": (cmd_get, 2, 2),
    b"del": (cmd_del, 2, ANY),
    b"exists": (cmd_exists, 2, ANY),
    b"incr": (cmd_incr, 2, 2),
}


def error_reply(message: bytes) -> bytes:
    # Redis shows CR and LF as spaces so that an error quoting the client stays one line.
    return b"-ERR " + message.replace(b"\r", b" ").replace(b"\n", b" ") + b"\r\n"


def unknown_command(args: list[bytes]) -> bytes:
    # Redis prints C strings (cut at a NUL) with %.128s and stops listing arguments after 128 bytes.
    shown = b""
    for arg in args[1:]:
        if len(shown) >= 128:
            break
        shown += b"'%b' " % arg.split(b"\0", 1)[0][: 128 - len(shown)]
    name = args[0].split(b"\0", 1)[0][:128]
    return error_reply(b"unknown command '%b', with args beginning with: %b" % (name, shown))


def execute(args: list[bytes]) -> bytes:
    args = [arg.lower() for arg in args]
    name = args[0]
    command = COMMANDS.get(name)
    if command is None:
        return unknown_command(args)
    handler, fewest, most = command
    if not fewest <= len(args) <= most:
        return b"-ERR wrong number of arguments for '%b' command\r\n" % name
    return handler(args)


# The headers of short arrays and strings, looked up rather than parsed: most requests have only those.
ARRAY_HEADERS = {b"*%d" % n: n for n in range(1024)}
BULK_HEADERS = {b"$%d" % n: n for n in range(1024)}


def serve(data: bytes, replies: list[bytes]) -> tuple[int, int]:
    """Runs every complete request at the start of data, appending its reply to replies.

    Returns where the first incomplete request starts, and the length data must reach before that
    request can be complete. Raises ProtocolError where Redis would.
    """
    pos, end = 0, len(data)
    while pos < end:
        if data[pos] != 42:  # not '*': an inline command
            newline = data.find(b"\n", pos)
            if newline < 0:
                return pos, end + 1
            args = data[pos:newline].split()  # splits on runs of whitespace, drops the '\r'
            pos = newline + 1
            if args:
                replies.append(execute(args))
            continue

        # An array of bulk strings; each header ends in "\r\n", each string is read by its length.
        cr = data.find(b"\r", pos)
        if cr < 0 or cr + 1 >= end:
            return pos, end + 1
        count = ARRAY_HEADERS.get(data[pos:cr])
        if count is None:
            count = parse_int(data[pos + 1 : cr])
            if count is None or count > INT_MAX:
                raise ProtocolError(b"invalid multibulk length")
        at = cr + 2
        args = []
        for _ in range(count):
            cr = data.find(b"\r", at)
            if cr < 0 or cr + 1 >= end:
                return pos, end + 1
            length = BULK_HEADERS.get(data[at:cr])
            if length is None:
                if data[at] != 36:  # '$'
                    raise ProtocolError(b"expected '$', got '%c'" % data[at])
                length = parse_int(data[at + 1 : cr])
                if length is None or not 0 <= length <= MAX_BULK:
                    raise ProtocolError(b"invalid bulk length")
            at = cr + 2 + length
            if at + 2 > end:
                return pos, at + 2
            args.append(data[cr + 2 : at])
            at += 2
        pos = at
        if args:  # "*0" and negative counts are empty requests, ignored
            replies.append(execute(args))
    return pos, end + 1


connections: dict[int, Connection] = {}
epoll = select.epoll()


def close(conn: Connection) -> None:
    fd = conn.sock.fileno()
    epoll.unregister(fd)
    conn.sock.close()
    del connections[fd]


def send(conn: Connection, data: bytes) -> None:
    if conn.out:  # earlier replies still wait for EPOLLOUT; these go behind them
        conn.out += data
        return
    try:
        sent = conn.sock.send(data)
    except BlockingIOError:
        sent = 0
    except OSError:  # EPIPE, ECONNRESET: the client has gone
        close(conn)
        return
    if sent < len(data):
        conn.out += memoryview(data)[sent:]
        epoll.modify(conn.sock.fileno(), IN_OUT)


def on_writable(conn: Connection) -> None:
    while conn.out:
        try:
            sent = conn.sock.send(conn.out)
        except BlockingIOError:
            return
        except OSError:
            close(conn)
            return
        del conn.out[:sent]
    conn.out = bytearray()  # let a drained multi-megabyte buffer go
    epoll.modify(conn.sock.fileno(), IN)
    if conn.closing:
        close(conn)


def on_readable(conn: Connection) -> None:
    # Edge-triggered: epoll will not report this data again, so read until EAGAIN.
    eof = False
    while True:
        try:
            chunk = conn.sock.recv(READ_SIZE)
        except BlockingIOError:
            break
        except OSError:  # ECONNRESET: nobody is left to answer
            close(conn)
            return
        if not chunk:
            eof = True
            break
        conn.chunks.append(chunk)
        conn.size += len(chunk)

    if conn.size >= conn.need and not conn.closing:
        data = b"".join(conn.chunks)
        replies: list[bytes] = []
        try:
            pos, need = serve(data, replies)
        except ProtocolError as error:
            replies.append(error_reply(b"Protocol error: " + error.args[0]))
            conn.closing = True
            pos = need = len(data)
        rest = data[pos:]
        conn.chunks = [rest] if rest else []
        conn.size, conn.need = len(rest), need - pos
        if replies:
            send(conn, b"".join(replies))
    # Replies to what came before a clean EOF are sent if the socket takes them at once.
    if (eof or conn.closing and not conn.out) and conn.sock.fileno() in connections:
        close(conn)


def accept_all(listener: socket.socket) -> None:
    while True:
        try:
            sock, _ = listener.accept()
        except BlockingIOError:
            return
        except ConnectionAbortedError:
            continue
        except OSError as error:  # EMFILE: the rest stay queued until the next connection wakes us
            print(f"accept: {error}", file=sys.stderr)
            return
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        connections[sock.fileno()] = Connection(sock)
        epoll.register(sock.fileno(), IN)


def main() -> None:
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((HOST, PORT))
    listener.listen(4096)
    listener.setblocking(False)
    listen_fd = listener.fileno()
    epoll.register(listen_fd, IN)

    while True:
        for fd, events in epoll.poll():
            if fd == listen_fd:
                accept_all(listener)
                continue
            conn = connections.get(fd)
            if conn is not None and events & select.EPOLLOUT:
                on_writable(conn)
            if fd in connections and events & (select.EPOLLIN | select.EPOLLHUP | select.EPOLLERR):
                on_readable(conn)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
