"""osh: the driver (main.py) calls shell_line once per line of the script, then shell_status.
Programs are run with os.fork, os.execv (or os.execvp), os.pipe, os.dup2 and os.waitpid: what would
do that work for you is refused (see the statement)."""
import os

status = 0  # $?: the status of the last pipeline that ran

# TODO: the pids of the background lists still running, to reap before each line and for `wait`.


def shell_line(line: str) -> int:
    """Runs one line of the script (without its newline): -1 to go on, or the status to exit with
    (the exit built-in)."""
    global status
    # TODO: reap the background lists that have ended (os.waitpid(pid, os.WNOHANG) on each).
    # TODO: read the line into tokens: words (quotes, `\`, `$?` expanded when the pipeline starts),
    # operators (| || & && ; < > >> and, where a word begins, 2> 2>>) and comments; then parse them
    # into and-or lists of pipelines, printing `osh: syntax error near 'OP'` (status 2) and running
    # nothing if they do not fit the grammar. For now a line is one command: words split on blanks.
    words = line.split()
    if not words:
        return -1
    # TODO: the built-ins cd, exit and wait, run by the shell itself when they are the only command
    # of a foreground pipeline.
    pid = os.fork()
    if pid == 0:
        # The child. It must never return into the driver: it execs the program or calls os._exit.
        # TODO: the child's pipe ends onto 0 and 1 (os.dup2), then the redirections in order, then
        # close every pipe descriptor; restore SIGPIPE to the default (Python ignores it, and a
        # child inherits that: `yes | head` would never end with SIGPIPE); look the program up in
        # PATH yourself to tell "command not found" (127) from "Permission denied" (126).
        try:
            os.execvp(words[0], words)
        finally:
            os._exit(127)
    # TODO: a pipeline forks all of its commands first, closes every pipe end, then waits for each
    # pid it started (never for any child: that could reap a background list).
    _, wait_status = os.waitpid(pid, 0)
    status = os.waitstatus_to_exitcode(wait_status)  # TODO: killed by signal N is 128 + N
    # TODO: `&&` and `||`, `;` and `&` (a background list is a forked child that runs the and-or
    # list and exits with its status; $? is then 0).
    return -1


def shell_status() -> int:
    """$?: the driver exits with it after the last line."""
    return status
