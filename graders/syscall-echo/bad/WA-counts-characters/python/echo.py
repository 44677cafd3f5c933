"""Known bad: decodes the text and counts characters, not bytes (é is one character, two bytes)."""
import os


def echo_lines(in_fd: int, out_fd: int) -> None:
    chunks = []
    while True:
        block = os.read(in_fd, 65536)
        if not block:
            break
        chunks.append(block)
    text = b"".join(chunks).decode("utf-8")
    lines = text.split("\n")
    if text.endswith("\n") or text == "":
        lines.pop()
    out = "".join(f"{len(line)} {line}\n" for line in lines).encode("utf-8")
    while out:
        out = out[os.write(out_fd, out):]
