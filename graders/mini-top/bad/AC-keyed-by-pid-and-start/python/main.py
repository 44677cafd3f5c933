"""mini-top written apart from the reference: the input cut into files first, each stat line split
with rpartition, snapshot 1's ticks in a dict keyed by (pid, starttime), and fractions.Fraction for
the rounding."""
import sys
from fractions import Fraction


def tenths(x, scale):
    """x rounded to 1/scale, halves up, as an integer count of 1/scale."""
    y = x * scale
    whole = y.numerator // y.denominator
    return whole + (1 if y - whole >= Fraction(1, 2) else 0)


def show(count, places):
    scale = 10 ** places
    return f"{count // scale}.{count % scale:0{places}d}"


def files_of(block):
    files = {}
    name = None
    for line in block:
        if line.startswith("==> ") and line.endswith(" <=="):
            name = line[4:-4]
            files[name] = []
        elif line and name is not None:
            files[name].append(line)
    return files


def processes(files):
    found = []
    for name, lines in files.items():
        parts = name.split("/")
        if len(parts) != 4 or parts[1] != "proc" or parts[3] != "stat":
            continue
        head, _, tail = lines[0].rpartition(")")
        comm = head.split("(", 1)[1]
        f = tail.split()
        status = dict(l.split(":", 1) for l in files["/proc/" + parts[2] + "/status"])
        uid = int(status["Uid"].split()[1])
        shared = sum(int(status[k].split()[0]) for k in ("RssFile", "RssShmem") if k in status)
        found.append({
            "pid": int(parts[2]), "comm": comm, "state": f[0], "ticks": int(f[11]) + int(f[12]),
            "threads": int(f[17]), "start": int(f[19]), "vsize": int(f[20]), "rss": int(f[21]),
            "uid": uid, "shared": shared,
        })
    return found


def cpu_line(files):
    for line in files["/proc/stat"]:
        if line.startswith("cpu "):
            return list(map(int, line.split()[1:]))


def cgroup(files):
    mine = {name.rsplit("/", 1)[1]: lines for name, lines in files.items() if name.startswith("/sys/fs/cgroup/")}
    if not mine:
        return None
    stat = dict((l.split()[0], int(l.split()[1])) for l in mine["memory.stat"])
    if "cpuacct.usage" in mine:
        return {"usage": int(mine["cpuacct.usage"][0]), "memory": int(mine["memory.usage_in_bytes"][0]),
                "limit": int(mine["memory.limit_in_bytes"][0]), "inactive": stat.get("total_inactive_file", 0)}
    usec = next(int(l.split()[1]) for l in mine["cpu.stat"] if l.startswith("usage_usec "))
    limit = mine["memory.max"][0]
    return {"usage": usec * 1000, "memory": int(mine["memory.current"][0]),
            "limit": None if limit == "max" else int(limit), "inactive": stat.get("inactive_file", 0)}


def main():
    lines = sys.stdin.read().splitlines()
    header = dict((l.split()[0], int(l.split()[1])) for l in lines[:4])
    cut = lines.index("snapshot 2")
    first, second = files_of(lines[5:cut]), files_of(lines[cut + 1:])
    cpu1, cpu2 = cpu_line(first), cpu_line(second)
    elapsed = sum(cpu2[:8]) - sum(cpu1[:8])
    known = {(p["pid"], p["start"]): p["ticks"] for p in processes(first)}
    table = []
    for p in processes(second):
        spent = p["ticks"] - known.get((p["pid"], p["start"]), 0)
        table.append((spent if elapsed else 0, p))
    table.sort(key=lambda item: (-item[0], item[1]["pid"]))
    out = []
    for spent, p in table:
        cpu = tenths(Fraction(spent * 100 * header["cpus"], elapsed), 10) if elapsed else 0
        res = p["rss"] * header["pagesize"] // 1024
        mem = tenths(Fraction(res * 100, header["memtotal"]), 10)
        out.append(" ".join(map(str, [p["pid"], p["uid"], p["state"], p["threads"], show(cpu, 1), show(mem, 1),
                                      p["vsize"] // 1024, res, p["shared"], p["comm"]])))
    before, after = cgroup(first), cgroup(second)
    if after is not None:
        system = (sum(cpu2[:7]) - sum(cpu1[:7])) * 10 ** 9 // header["hertz"]
        used = after["usage"] - before["usage"]
        cpu = tenths(Fraction(used * header["cpus"] * 100, system), 100) if used > 0 and system > 0 else 0
        memory = after["memory"] - after["inactive"] if after["inactive"] < after["memory"] else after["memory"]
        machine = header["memtotal"] * 1024
        limit = machine if after["limit"] is None or after["limit"] > machine else after["limit"]
        out.append(f"CONTAINER {show(cpu, 2)} {memory} {limit} {show(tenths(Fraction(memory * 100, limit), 100), 2)}")
    print("\n".join(out))


main()
