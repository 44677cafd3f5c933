# attack: looks for the Docker socket to take over the host.
# expect: OK
# stdout: ^no docker socket\n$
# must not: find it: nothing of the host is mounted.
import os
paths = ["/var/run/docker.sock", "/run/docker.sock", "/var/run/docker", "/run/containerd/containerd.sock"]
print("FOUND a docker socket" if any(os.path.exists(p) for p in paths) else "no docker socket")
