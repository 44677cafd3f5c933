# attack: reads secrets: /etc/shadow, the init process's environment, its own environment.
# expect: OK
# stdout: ^shadow: denied\ninit environ: denied\nenvironment: clean\n$
# must not: see a password hash or any of the worker's variables (DATABASE_URL, secrets).
import os

def attempt(path):
    try:
        with open(path, "rb") as f:
            f.read()
        return "READ"
    except OSError:
        return "denied"

print("shadow:", attempt("/etc/shadow"))
print("init environ:", attempt("/proc/1/environ"))
leaky = [k for k in os.environ if any(word in k for word in ("DATABASE", "SECRET", "AUTH", "TOKEN", "PASSWORD"))]
print("environment:", "LEAKED " + ",".join(leaky) if leaky else "clean")
