"""The spec the driver (main.py) reads and checks, and hands to your supervise (supervisor.py)."""
import enum
from dataclasses import dataclass

MAX_CHILDREN = 32
MAX_NAME = 16
MAX_COMMAND = 4000  # bytes


class Policy(enum.Enum):
    ALWAYS = "always"
    ON_FAILURE = "on-failure"
    NEVER = "never"


@dataclass(frozen=True)
class ChildSpec:
    name: str  # 1 to 16 of a-z, 0-9, - ; all different
    policy: Policy
    command: str  # a line of shell, for /bin/sh -c


@dataclass(frozen=True)
class Spec:
    backoff_initial_ms: int  # 10 to 10,000, initial <= max
    backoff_max_ms: int
    grace_ms: int  # 10 to 10,000
    children: tuple[ChildSpec, ...]  # 1 to MAX_CHILDREN


# supervise(spec) (supervisor.py) starts the children, reaps them, restarts them as their policies
# say, and stops them all on SIGTERM or SIGINT; it prints its lines on standard output as they happen
# (see the statement). It returns the program's exit status: 0 once every child has ended and none
# will restart.
