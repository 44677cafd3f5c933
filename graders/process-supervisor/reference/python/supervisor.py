"""The reference: SIGCHLD, SIGTERM and SIGINT are blocked and taken with signal.sigtimedwait, whose
timeout is the next restart or kill; every wakeup reaps in a loop, then starts what is due. Each
child runs in a process group of its own, signalled as a group."""
import os
import signal
import sys
import time
from dataclasses import dataclass

from spec import Policy, Spec

STEADY_S = 1.0  # a run that lasted this long resets the child's backoff
HANDLED = {signal.SIGCHLD, signal.SIGTERM, signal.SIGINT}
# Python ignores these; an ignored signal stays ignored across exec, so the child restores them.
PYTHON_IGNORES = (signal.SIGPIPE, signal.SIGXFSZ)


@dataclass
class Child:
    pid: int = 0  # running, or 0
    started: float = 0.0  # when the current run began (time.monotonic)
    restart_at: float | None = None  # waiting to restart at this time
    restarts: int = 0  # restarts in a row since the last steady run


def say(line: str) -> None:
    print(line, flush=True)


def signal_group(pid: int, number: int) -> None:
    try:
        os.killpg(pid, number)
    except ProcessLookupError:
        pass  # not expected: a leader not yet reaped, even a zombie, keeps its group


class Supervisor:
    def __init__(self, spec: Spec):
        self.spec = spec
        self.children = [Child() for _ in spec.children]
        self.stopping = False
        self.kill_at: float | None = None  # while stopping, until the kill is done
        self.unblocked: set[signal.Signals] = set()  # the mask before HANDLED was blocked: the children's

    def start(self, i: int) -> None:
        command = self.spec.children[i].command
        try:
            pid = os.fork()
        except OSError as error:
            # Out of processes for now: try again after the backoff.
            print(f"fork: {error}", file=sys.stderr)
            self.children[i].restart_at = time.monotonic() + self.spec.backoff_initial_ms / 1000
            return
        if pid == 0:
            try:
                os.setpgid(0, 0)
                for number in PYTHON_IGNORES:
                    signal.signal(number, signal.SIG_DFL)
                signal.pthread_sigmask(signal.SIG_SETMASK, self.unblocked)
                os.execv("/bin/sh", ["sh", "-c", command])
            finally:
                os._exit(127)
        try:
            os.setpgid(pid, pid)  # also here: the group exists whichever of the two runs first
        except OSError:
            pass  # the child has exec'd already, so it made its group itself
        child = self.children[i]
        child.pid, child.started, child.restart_at = pid, time.monotonic(), None
        say(f"start {self.spec.children[i].name} {pid}")

    def reap(self) -> None:
        """Reaps every child that ended; schedules the restarts unless stopping."""
        while True:
            try:
                pid, status = os.waitpid(-1, os.WNOHANG)
            except ChildProcessError:
                return
            if pid == 0:
                return
            i = next((i for i, child in enumerate(self.children) if child.pid == pid), None)
            if i is None:
                continue
            name, policy = self.spec.children[i].name, self.spec.children[i].policy
            if os.WIFEXITED(status):
                say(f"exit {name} {pid} status {os.WEXITSTATUS(status)}")
            else:
                say(f"exit {name} {pid} signal {os.WTERMSIG(status)}")
            now = time.monotonic()
            child = self.children[i]
            child.pid = 0
            failed = not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0
            if self.stopping or policy is Policy.NEVER or (policy is Policy.ON_FAILURE and not failed):
                continue
            if now - child.started >= STEADY_S:
                child.restarts = 0
            # Doubling 10 times is past any maximum: backoff_max_ms / backoff_initial_ms <= 1000.
            delay = min(self.spec.backoff_initial_ms * 2 ** min(child.restarts, 10), self.spec.backoff_max_ms)
            child.restarts += 1
            child.restart_at = now + delay / 1000

    def on_signal(self, number: int) -> None:
        """The first SIGTERM or SIGINT: says term, sends SIGTERM to every running child's group,
        cancels the restarts and sets the time to kill."""
        if self.stopping or number == signal.SIGCHLD:
            return
        self.stopping = True
        say("term")
        for child in self.children:
            child.restart_at = None
            if child.pid:
                signal_group(child.pid, signal.SIGTERM)
        self.kill_at = time.monotonic() + self.spec.grace_ms / 1000

    def run(self) -> int:
        self.unblocked = signal.pthread_sigmask(signal.SIG_BLOCK, HANDLED)
        for i in range(len(self.children)):
            self.start(i)
        while True:
            running = any(child.pid for child in self.children)
            restarts = [child.restart_at for child in self.children if child.restart_at is not None]
            if not running and not restarts:
                break
            wake = min(restarts, default=None)
            if self.kill_at is not None and running:
                wake = self.kill_at
            info = (
                signal.sigwaitinfo(HANDLED)
                if wake is None
                else signal.sigtimedwait(HANDLED, max(0.0, wake - time.monotonic()))
            )
            while info is not None:
                self.on_signal(info.si_signo)
                info = signal.sigtimedwait(HANDLED, 0)
            self.reap()
            now = time.monotonic()
            if not self.stopping:
                for i, child in enumerate(self.children):
                    if child.restart_at is not None and child.restart_at <= now:
                        self.start(i)
            if self.kill_at is not None and now >= self.kill_at:
                self.kill_at = None
                for spec_child, child in zip(self.spec.children, self.children):
                    if child.pid:
                        say(f"kill {spec_child.name} {child.pid}")
                        signal_group(child.pid, signal.SIGKILL)
        say("done")
        return 0


def supervise(spec: Spec) -> int:
    return Supervisor(spec).run()
