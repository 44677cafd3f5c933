"""osh: reads a line into tokens, parses them into and-or lists of pipelines, and
runs each pipeline with os.fork, os.pipe, os.dup2, os.execv and os.waitpid.

A token is an operator (a str such as "|" or "2>>") or a word (a list of parts: str for text, None
for a `$?` still to be replaced, since `$?` is read when its pipeline starts, not with the line)."""
import errno
import os
import signal

OPERATORS = ("||", "&&", ">>", "|", "&", ";", "<", ">")  # longest first: `||` is not two `|`
OPERATOR_STARTS = "|&;<>"
REDIRECTIONS = {  # the descriptor each one replaces, and how its file is opened
    "<": (0, os.O_RDONLY),
    ">": (1, os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ">>": (1, os.O_WRONLY | os.O_CREAT | os.O_APPEND),
    "2>": (2, os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    "2>>": (2, os.O_WRONLY | os.O_CREAT | os.O_APPEND),
}
BUILTINS = ("cd", "exit", "wait")
DEFAULT_PATH = "/usr/bin:/bin"

status = 0  # $?: the status of the last pipeline that ran
background: list[int] = []  # the pids of the background lists not yet reaped


class OshSyntaxError(Exception):
    """A line that must not run; the message is the one to print."""


class ExitShell(Exception):
    """The `exit` built-in, run by the shell itself: ends the shell with the status args[0]."""


def say(message: str) -> None:
    """Writes `osh: message` to standard error (descriptor 2 as it is now: in a child, after its
    redirections)."""
    os.write(2, f"osh: {message}\n".encode())


# ---- Reading a line

def tokenize(line: str) -> list:
    """The line's operators and words, up to a comment."""
    tokens = []
    i = 0
    while i < len(line):
        c = line[i]
        if c in " \t":
            i += 1
        elif c == "#":
            break
        elif c == "2" and line.startswith(">", i + 1):  # `2>` and `2>>` only where a word begins
            op = "2>>" if line.startswith(">>", i + 1) else "2>"
            tokens.append(op)
            i += len(op)
        elif c in OPERATOR_STARTS:
            op = next(o for o in OPERATORS if line.startswith(o, i))
            tokens.append(op)
            i += len(op)
        else:
            word, i = read_word(line, i)
            tokens.append(word)
    return tokens


def read_word(line: str, i: int) -> tuple[list, int]:
    """The word that begins at line[i], and where it ends."""
    parts = []
    text = []  # the characters since the last `$?`

    def add_status() -> None:
        parts.append("".join(text))
        parts.append(None)
        text.clear()

    while i < len(line) and line[i] not in " \t" and line[i] not in OPERATOR_STARTS:
        c = line[i]
        if c == "'":
            end = line.find("'", i + 1)
            if end < 0:
                raise OshSyntaxError("syntax error: unterminated quote")
            text.append(line[i + 1 : end])
            i = end + 1
        elif c == '"':
            i += 1
            while True:
                if i >= len(line):
                    raise OshSyntaxError("syntax error: unterminated quote")
                c = line[i]
                if c == '"':
                    i += 1
                    break
                if c == "\\" and line[i + 1 : i + 2] in ('"', "\\", "$"):
                    text.append(line[i + 1])
                    i += 2
                elif c == "$" and line[i + 1 : i + 2] == "?":
                    add_status()
                    i += 2
                else:
                    text.append(c)  # a `\` before any other character is kept
                    i += 1
        elif c == "\\":
            text.append(line[i + 1 : i + 2] or "\\")  # a `\` that ends the line is kept
            i += 2
        elif c == "$" and line[i + 1 : i + 2] == "?":
            add_status()
            i += 2
        else:
            text.append(c)
            i += 1
    parts.append("".join(text))
    return parts, i


def parse(tokens: list) -> list:
    """The and-or lists of a line, as (and-or, in the background?) pairs. An and-or list is a list of
    (connector, pipeline), the first connector None; a pipeline a list of commands; a command a pair
    (words, redirections), a redirection a pair (operator, word)."""
    at = 0

    def near(k: int) -> OshSyntaxError:
        return OshSyntaxError(f"syntax error near '{tokens[k] if k < len(tokens) else 'newline'}'")

    def is_op(*ops: str) -> bool:
        return at < len(tokens) and isinstance(tokens[at], str) and tokens[at] in ops

    def command() -> tuple[list, list]:
        nonlocal at
        words, redirections = [], []
        while at < len(tokens):
            if isinstance(tokens[at], list):
                words.append(tokens[at])
                at += 1
            elif tokens[at] in REDIRECTIONS:
                if at + 1 == len(tokens) or isinstance(tokens[at + 1], str):
                    raise near(at + 1)
                redirections.append((tokens[at], tokens[at + 1]))
                at += 2
            else:
                break
        if not words and not redirections:
            raise near(at)
        return words, redirections

    def pipeline() -> list:
        nonlocal at
        commands = [command()]
        while is_op("|"):
            at += 1
            commands.append(command())
        return commands

    lists = []
    while at < len(tokens):
        and_or = [(None, pipeline())]
        while is_op("&&", "||"):
            at += 1
            and_or.append((tokens[at - 1], pipeline()))
        # What follows an and-or list is `;`, `&` or the end of the line: step over it.
        lists.append((and_or, is_op("&")))
        at += 1
    return lists


# ---- Running a line

def shell_line(line: str) -> int:
    """Runs one line: -1 to go on, or the status to exit with."""
    global status
    reap_background()
    try:
        lists = parse(tokenize(line))
    except OshSyntaxError as error:
        say(str(error))
        status = 2
        return -1
    try:
        for and_or, in_background in lists:
            if in_background:
                start_background(and_or)
            else:
                run_and_or(and_or)
    except ExitShell as request:
        return request.args[0]
    return -1


def shell_status() -> int:
    return status


def start_background(and_or: list) -> None:
    """Forks a child that runs the and-or list and exits with its status; $? is then 0."""
    global status
    try:
        background.append(start(run_in_background, and_or))
        status = 0
    except OSError as error:
        say(f"cannot start a background list: {os.strerror(error.errno)}")
        status = 1


def reap_background() -> None:
    """Collects the background lists that have ended: no zombie is left."""
    for pid in background[:]:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            background.remove(pid)


def wait_background() -> None:
    for pid in background:
        os.waitpid(pid, 0)
    background.clear()


def run_in_background(and_or: list) -> int:
    """The child of a background list, a shell of its own as sh makes it: a built-in acts in it (cd
    for the rest of the list, exit ends it), and it has no background list of its own to wait for."""
    background.clear()
    try:
        return run_and_or(and_or)
    except ExitShell as request:
        return request.args[0]


def run_and_or(and_or: list) -> int:
    """Runs the pipelines of an and-or list that `&&` and `||` let run; returns the last status."""
    global status
    for connector, pipeline in and_or:
        if (connector == "&&" and status != 0) or (connector == "||" and status == 0):
            continue
        status = run_pipeline(pipeline)
    return status


def expand(word: list) -> str:
    return "".join(str(status) if part is None else part for part in word)


def run_pipeline(pipeline: list) -> int:
    """Starts every command of the pipeline, then waits for the last one; returns its status."""
    commands = [([expand(w) for w in words], [(op, expand(w)) for op, w in redirections]) for words, redirections in pipeline]
    argv, redirections = commands[0]
    reap_background()  # the statement asks for it before each line; here no zombie waits either
    if len(commands) == 1 and argv and argv[0] in BUILTINS:
        # Run by the shell itself: the files are opened and closed, and change nothing else.
        for op, name in redirections:
            fd = open_redirection(op, name)
            if fd < 0:
                return 1
            os.close(fd)
        return builtin(argv, True)

    pipes, pids = [], []
    failed = False
    try:
        for _ in range(len(commands) - 1):
            pipes.append(os.pipe())
        for i, command in enumerate(commands):
            stdin = pipes[i - 1][0] if i > 0 else 0
            stdout = pipes[i][1] if i < len(pipes) else 1
            pids.append(start(run_command, command, stdin, stdout, pipes))
    except OSError as error:
        # Out of processes or descriptors: the pipeline fails, and what started is still waited for.
        say(f"cannot start the pipeline: {os.strerror(error.errno)}")
        failed = True
    finally:
        # Every pipe end is closed in the shell once the children have their copies: a reader gets
        # end-of-file only when no writer is left, a writer SIGPIPE only when no reader is.
        close_pipes(pipes)
    # The pipeline's status is its last command's: wait for that one.
    last = wait_status(pids[-1]) if pids else 1
    return 1 if failed else last


def start(body, *args) -> int:
    """Forks a child that runs body(*args) and exits with the status it returns; the pid. A child
    never returns into the driver, whatever happens in it."""
    pid = os.fork()
    if pid == 0:
        code = 1
        try:
            code = body(*args)
        finally:
            os._exit(code)
    return pid


def close_pipes(pipes: list) -> None:
    for read_end, write_end in pipes:
        os.close(read_end)
        os.close(write_end)


def wait_status(pid: int) -> int:
    """Waits for this child (not for any child: a background list must not be reaped here)."""
    code = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
    return 128 - code if code < 0 else code  # killed by signal N: 128 + N


def open_redirection(op: str, name: str) -> int:
    """Opens a redirection's file (not inheritable, as os.open makes it); -1 after the message."""
    try:
        return os.open(name, REDIRECTIONS[op][1], 0o644)
    except OSError as error:
        say(f"{name}: {os.strerror(error.errno)}")
        return -1


def run_command(command: tuple[list, list], stdin: int, stdout: int, pipes: list) -> int:
    """In the child: wires standard input and output, applies the redirections, runs the built-in or
    execs the program. Returns the status only if no program replaced this process."""
    # Python ignores SIGPIPE and SIGXFSZ; a program starts with the default dispositions.
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    signal.signal(signal.SIGXFSZ, signal.SIG_DFL)
    if stdin != 0:
        os.dup2(stdin, 0)
    if stdout != 1:
        os.dup2(stdout, 1)
    close_pipes(pipes)
    argv, redirections = command
    for op, name in redirections:
        fd = open_redirection(op, name)
        if fd < 0:
            return 1
        os.dup2(fd, REDIRECTIONS[op][0])  # the copy on 0, 1 or 2 is inherited, fd is not
        os.close(fd)
    if not argv:
        return 0
    if argv[0] in BUILTINS:
        return builtin(argv, False)
    name = argv[0]
    if "/" not in name:
        path = find_in_path(name)
        if path is None:
            say(f"{name}: command not found")
            return 127
    else:
        path = name
    try:
        os.execv(path, argv)
    except OSError as error:
        say(f"{name}: {os.strerror(error.errno)}")
        return 127 if error.errno in (errno.ENOENT, errno.ENOTDIR) else 126


def find_in_path(name: str) -> str | None:
    """The first PATH directory's file of that name that is executable (not a directory)."""
    for directory in (os.environ.get("PATH") or DEFAULT_PATH).split(":"):
        path = os.path.join(directory, name)
        if os.access(path, os.X_OK) and not os.path.isdir(path):
            return path
    return None


def builtin(argv: list, in_shell: bool) -> int:
    """cd, exit or wait. Outside the shell itself (in a pipeline's child) they change nothing in
    the shell: exit N is the status N, wait returns at once."""
    name, args = argv[0], argv[1:]
    if name == "wait":
        if in_shell:
            wait_background()
        return 0
    if len(args) > 1:
        say(f"{name}: too many arguments")
        return 1
    if name == "cd":
        directory = args[0] if args else os.environ.get("HOME")
        if not directory and not args:
            say("cd: HOME not set")
            return 1
        try:
            os.chdir(directory)
        except OSError as error:
            say(f"cd: {directory}: {os.strerror(error.errno)}")
            return 1
        return 0
    if not args:
        code = status
    elif args[0].isascii() and args[0].isdigit() and int(args[0]) <= 255:
        code = int(args[0])
    else:
        say(f"exit: {args[0]}: numeric argument required")
        code = 2
    if in_shell:
        raise ExitShell(code)
    return code
