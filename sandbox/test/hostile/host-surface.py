# attack: reads what the host tells a container about itself and its neighbours: the kernel's
# command line and configuration, per-CPU counters (another container's CPU pattern, a covert
# channel), interrupt counters, the container's id in its cgroup path, and the sandbox uid's account.
# expect: OK
# stdout: ^cmdline: hidden\nconfig.gz: hidden\nstat: hidden\ninterrupts: hidden\nschedstat: hidden\ncgroup: /\naccount: none\n$
# must not: read any of them: they are masked (MaskedPaths), the cgroup namespace is private, and the uid is no account's.
import os
import pwd


def shown(path):
    """hidden: masked (reads empty), refused, or absent from this kernel (config.gz, schedstat need options)."""
    try:
        with open(path, "rb") as f:
            return "hidden" if not f.read(4096) else "readable"
    except OSError:
        return "hidden"


for name in ("cmdline", "config.gz", "stat", "interrupts", "schedstat"):
    print(f"{name}:", shown(f"/proc/{name}"))
paths = {line.rstrip("\n").split(":", 2)[2] for line in open("/proc/self/cgroup")}
print("cgroup:", "/" if paths == {"/"} else " ".join(sorted(paths)))
try:
    print("account:", pwd.getpwuid(os.getuid()).pw_name)
except KeyError:
    print("account: none")
