"""The driver (read-only): reads the spec from standard input and checks it, points standard input at
/dev/null (the spec is not for the children to read), and exits with what supervise returns
(supervisor.py). A malformed spec ends the run before anything starts, with `invalid spec: …` on
standard output. It leaves no descriptor open besides 0, 1 and 2."""
import os
import re
import sys

from spec import MAX_CHILDREN, MAX_COMMAND, MAX_NAME, ChildSpec, Policy, Spec

MAX_INPUT = (1 << 20) - 1  # the most of standard input read: a spec this long is refused
# A number as C's strtol reads it: after blanks, with an optional sign.
NUMBER = re.compile(rb"[ \t\x0b\x0c\r]*([+-]?)([0-9]+)")
NAME = re.compile(rb"[a-z0-9-]+")


class InvalidSpec(Exception):
    """A malformed spec; the message says on which line and why."""


def invalid(line: int, message: str) -> InvalidSpec:
    return InvalidSpec(f"line {line}: {message}")


def milliseconds(text: bytes, line: int, what: str) -> tuple[int, bytes]:
    """A whole number from 10 to 10,000 at the start of text, ending at a space or at the end; returns
    it with what follows that space."""
    match = NUMBER.match(text)
    end = match.end() if match else 0
    digits = match[2].lstrip(b"0") if match else b""
    value = int(digits or b"0") if len(digits) <= 5 else 100000
    if match and match[1] == b"-":
        value = -value
    if not match or text[end : end + 1] not in (b" ", b"") or not 10 <= value <= 10000:
        raise invalid(line, f"{what} must be a whole number of milliseconds from 10 to 10000")
    return value, text[end + 1 :]


def read_child(children: list[ChildSpec], text: bytes, line: int) -> None:
    if len(children) == MAX_CHILDREN:
        raise invalid(line, f"more than {MAX_CHILDREN} children")
    raw_name, space, text = text.partition(b" ")
    if not 1 <= len(raw_name) <= MAX_NAME or not NAME.fullmatch(raw_name):
        raise invalid(line, f"a child's name is 1 to {MAX_NAME} of a-z, 0-9 and -")
    name = raw_name.decode("ascii")
    if any(child.name == name for child in children):
        raise invalid(line, f"two children are named {name}")
    if not space:
        raise invalid(line, f"child {name} has no policy")
    policy = next((p for p in Policy if text.startswith(p.value.encode() + b" ")), None)
    if policy is None:
        raise invalid(line, f"child {name}: the policy is always, on-failure or never, then a space and the command")
    command = text[len(policy.value) + 1 :]
    if not command:
        raise invalid(line, f"child {name} has no command")
    if len(command) > MAX_COMMAND:
        raise invalid(line, f"child {name}'s command is longer than {MAX_COMMAND} bytes")
    # Any bytes: os.fsdecode's surrogates give them back unchanged to os.execv.
    children.append(ChildSpec(name, policy, os.fsdecode(command)))


def read_spec(data: bytes) -> Spec:
    """The spec; raises InvalidSpec if it is malformed."""
    if len(data) == MAX_INPUT:
        raise invalid(0, "more than 1 MiB")
    data = data.partition(b"\0")[0]  # a NUL ends the spec, as it does for the C driver
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()
    backoff = grace = None
    children: list[ChildSpec] = []
    for number, line in enumerate(lines, 1):
        if line == b"":
            continue
        if line.startswith(b"backoff "):
            initial, rest = milliseconds(line[len(b"backoff ") :], number, "backoff's initial delay")
            maximum, rest = milliseconds(rest, number, "backoff's maximum")
            if rest:
                raise invalid(number, "backoff takes two numbers")
            if initial > maximum:
                raise invalid(number, "backoff's initial delay is more than its maximum")
            backoff = (initial, maximum)
        elif line.startswith(b"grace "):
            grace, rest = milliseconds(line[len(b"grace ") :], number, "grace")
            if rest:
                raise invalid(number, "grace takes one number")
        elif line.startswith(b"child "):
            read_child(children, line[len(b"child ") :], number)
        else:
            raise invalid(number, "a line is backoff, grace or child")
    if backoff is None or grace is None or not children:
        raise invalid(len(lines), "a spec has a backoff line, a grace line and at least one child")
    return Spec(backoff[0], backoff[1], grace, tuple(children))


def main() -> None:
    try:
        spec = read_spec(sys.stdin.buffer.read(MAX_INPUT))
    except InvalidSpec as error:
        print(f"invalid spec: {error}")
        return

    null = os.open("/dev/null", os.O_RDONLY)
    if null == 0:
        os.set_inheritable(0, True)
    else:
        os.dup2(null, 0)
        os.close(null)

    # Imported here, once the spec is known to be good.
    from supervisor import supervise

    supervisor = os.getpid()
    code = supervise(spec)
    if os.getpid() != supervisor:
        # A forked child came back from supervise: it would go on as a second supervisor.
        os.write(2, b"main.py: a child forked by supervise returned into the driver; end children with os._exit\n")
        os._exit(1)
    if type(code) is not int:
        print(f"main.py: supervise must return an int, not {type(code).__name__}", file=sys.stderr)
        sys.exit(1)
    sys.exit(code)


if __name__ == "__main__":
    main()
