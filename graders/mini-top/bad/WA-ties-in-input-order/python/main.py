"""mini-top that sorts by the interval's ticks alone: Python's stable sort leaves equal shares in the
order snapshot 2 lists them, not by pid."""
import sys


def round_half_up(num, den):
    return (2 * num + den) // (2 * den)


def read(lines, at):
    """One snapshot from lines[at]: (cpu, processes, cgroup, where the next snapshot starts)."""
    cpu = None
    procs = {}
    cgroup = {}
    kind = None
    p = None
    n = len(lines)
    while at < n:
        line = lines[at]
        if line.startswith("snapshot "):
            break
        at += 1
        if not line:
            continue
        if line.startswith("==> "):
            path = line[4:-4]
            if path == "/proc/stat":
                kind = "cpu"
            elif path.startswith("/proc/"):
                _, _, pid, name = path.split("/")
                pid = int(pid)
                p = procs.get(pid)
                if p is None:
                    p = procs[pid] = {"pid": pid, "uid": 0, "shared": 0}
                kind = name
            else:
                kind = "cgroup"
                cgroup_file = path[path.rindex("/") + 1:]
            continue
        if kind == "cpu":
            if line.startswith("cpu "):
                cpu = [int(v) for v in line.split()[1:11]]
        elif kind == "status":
            key, _, value = line.partition(":")
            if key == "Uid":
                p["uid"] = int(value.split()[1])
            elif key == "RssFile" or key == "RssShmem":
                p["shared"] += int(value.split()[0])
        elif kind == "cgroup":
            if cgroup_file == "memory.stat" or cgroup_file == "cpu.stat":
                key, _, value = line.partition(" ")
                cgroup[cgroup_file + ":" + key] = int(value)
            else:
                cgroup[cgroup_file] = line
        else:
            open_at = line.index("(")
            close = line.rindex(")")
            p["comm"] = line[open_at + 1:close]
            rest = line[close + 2:].split(" ")
            p["state"] = rest[0]
            p["ticks"] = int(rest[11]) + int(rest[12])
            p["threads"] = int(rest[17])
            p["start"] = int(rest[19])
            p["vsize"] = int(rest[20])
            p["rss"] = int(rest[21])
    return cpu, procs, cgroup, at


def main():
    lines = sys.stdin.read().split("\n")
    header = {}
    for line in lines[:4]:
        key, value = line.split()
        header[key] = int(value)
    hertz, page, cpus, mem_total = header["hertz"], header["pagesize"], header["cpus"], header["memtotal"]
    at = 4
    while not lines[at].startswith("snapshot "):
        at += 1
    cpu1, procs1, cg1, at = read(lines, at + 1)
    cpu2, procs2, cg2, at = read(lines, at + 1)

    elapsed = sum(cpu2[:8]) - sum(cpu1[:8])
    rows = []
    for p in procs2.values():
        old = procs1.get(p["pid"])
        delta = p["ticks"]
        if old is not None and old["start"] == p["start"]:
            delta -= old["ticks"]
        rows.append((-delta if elapsed > 0 else 0, p["pid"], delta, p))
    rows.sort(key=lambda r: r[0])
    out = []
    for _, pid, delta, p in rows:
        cpu = round_half_up(delta * 1000 * cpus, elapsed) if elapsed > 0 else 0
        res = p["rss"] * page // 1024
        mem = round_half_up(res * 1000, mem_total)
        out.append(f"{pid} {p['uid']} {p['state']} {p['threads']} {cpu // 10}.{cpu % 10} {mem // 10}.{mem % 10} "
                   f"{p['vsize'] // 1024} {res} {p['shared']} {p['comm']}")
    if cg1 and cg2:
        def usage(cg):
            if "cpuacct.usage" in cg:
                return int(cg["cpuacct.usage"])
            return cg["cpu.stat:usage_usec"] * 1000
        v1 = "cpuacct.usage" in cg2
        system = (sum(cpu2[:7]) - sum(cpu1[:7])) * (1_000_000_000 // hertz)
        used = usage(cg2) - usage(cg1)
        cpu = round_half_up(used * cpus * 10000, system) if system > 0 and used > 0 else 0
        raw = int(cg2["memory.usage_in_bytes" if v1 else "memory.current"])
        inactive = cg2.get("memory.stat:total_inactive_file" if v1 else "memory.stat:inactive_file", 0)
        memory = raw - inactive if inactive < raw else raw
        limit_text = cg2["memory.limit_in_bytes" if v1 else "memory.max"]
        machine = mem_total * 1024
        limit = machine if limit_text == "max" or int(limit_text) > machine else int(limit_text)
        mem = round_half_up(memory * 10000, limit)
        out.append(f"CONTAINER {cpu // 100}.{cpu % 100:02d} {memory} {limit} {mem // 100}.{mem % 100:02d}")
    sys.stdout.write("\n".join(out) + "\n")


main()
