# attack: prints for ever.
# expect: OLE
# must not: make the host buffer more than the 64 KiB cap.
import sys
line = "x" * 1023 + "\n"
while True:
    sys.stdout.write(line)
