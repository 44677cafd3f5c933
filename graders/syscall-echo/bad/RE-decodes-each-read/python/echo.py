"""Known bad: decodes every block it reads as UTF-8 on its own; a read that ends inside a multi-byte
character raises UnicodeDecodeError."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    pending = ""
    out = []
    while block := os.read(in_fd, 65536):
        lines = (pending + block.decode("utf-8")).split("\n")
        pending = lines.pop()
        out.extend(f"{len(line.encode())} {line}\n" for line in lines)
    if pending:
        out.append(f"{len(pending.encode())} {pending}\n")
    data = memoryview("".join(out).encode())
    while data:
        data = data[os.write(out_fd, data):]
