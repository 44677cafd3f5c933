# attack: looks for the grader, the hidden tests and the reference solution.
# expect: OK
# stdout: ^nothing of the grader here\n$
# must not: find them: only the program and its own input are in the container.
import os
found = []
for top in ["/", "/box", "/io", "/tmp", "/work", "/app", "/srv", "/home"]:
    if not os.path.isdir(top):
        continue
    for name in os.listdir(top):
        if any(word in name for word in ("grader", "reference", "hidden", "exercises", "osprep")):
            found.append(os.path.join(top, name))
print("FOUND " + " ".join(found) if found else "nothing of the grader here")
