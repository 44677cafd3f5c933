# attack: sleeps for ever, using no CPU.
# expect: TLE
# must not: hold its container past the wall-clock limit (3 x CPU + 1 s).
import time
time.sleep(3600)
