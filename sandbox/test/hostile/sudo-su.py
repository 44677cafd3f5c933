# attack: tries sudo and su.
# expect: OK
# stdout: ^no way up\n$
# must not: become root: they are not installed, and nothing setuid would work anyway.
import subprocess
ways = 0
for command in (["sudo", "id", "-u"], ["su", "-c", "id -u"]):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=2, stdin=subprocess.DEVNULL)
        if result.returncode == 0 and result.stdout.strip() == "0":
            ways += 1
    except (OSError, subprocess.TimeoutExpired):
        pass
print("no way up" if ways == 0 else "ROOT")
