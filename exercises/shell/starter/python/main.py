"""The driver: reads the whole script from standard input and checks it, points standard input at
/dev/null (the script is not the programs' to read), goes to /, then hands each line to shell_line
(shell.py). When the shell ends, with the status shell_line returns for the exit built-in or with
shell_status() after the last line, it prints `osh: exit N` and exits with 0: the tests see the
status on the output. Malformed input is reported on standard output before anything runs."""
import os
import re
import sys

MAX_LINES = 1000
MAX_LINE_LENGTH = 4096
NOT_PRINTABLE = re.compile(rb"[^\t\x20-\x7e]")


def read_script(data: bytes) -> list[str]:
    """The script's lines, without their newlines; raises ValueError on malformed input. A final
    line without a newline is a line; an empty input is an empty script."""
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    for i, line in enumerate(lines, 1):
        if i > MAX_LINES:
            raise ValueError(f"line {i}: a script has at most {MAX_LINES} lines")
        if len(line) > MAX_LINE_LENGTH:
            raise ValueError(f"line {i}: a line has at most {MAX_LINE_LENGTH} bytes")
        if NOT_PRINTABLE.search(line):
            raise ValueError(f"line {i}: a character that is not printable ASCII or a tab")
    return [line.decode("ascii") for line in lines]


def main() -> None:
    try:
        script = read_script(sys.stdin.buffer.read())
    except ValueError as error:
        print(f"invalid input: {error}")
        return

    null = os.open("/dev/null", os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    os.chdir("/")  # every test starts in the same directory, wherever the program is

    # Imported here, once the input is known to be good.
    from shell import shell_line, shell_status

    shell = os.getpid()
    code = -1
    for line in script:
        code = shell_line(line)
        if os.getpid() != shell:
            # A forked child came back from shell_line: it would run the rest of the script too.
            os.write(2, b"main.py: a child forked by shell_line returned into the driver; end children with os._exit\n")
            os._exit(1)
        if type(code) is not int:
            print(f"invalid answer: shell_line must return an int, not {type(code).__name__}")
            return
        if code >= 0:
            break
    print(f"osh: exit {code if code >= 0 else shell_status()}", flush=True)


if __name__ == "__main__":
    main()
