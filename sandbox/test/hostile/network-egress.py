# attack: reaches for the network: a public address, the Docker bridge's gateway, the cloud metadata
# address, and DNS.
# expect: OK
# stdout: ^blocked 4/4\n$
# must not: get a single packet out: the container has no network but loopback.
import socket

blocked = 0
for host, port in [("1.1.1.1", 53), ("172.17.0.1", 2375), ("169.254.169.254", 80)]:
    try:
        socket.create_connection((host, port), timeout=1).close()
    except OSError:
        blocked += 1
try:
    socket.getaddrinfo("example.com", 80)
except OSError:
    blocked += 1
print(f"blocked {blocked}/4")
