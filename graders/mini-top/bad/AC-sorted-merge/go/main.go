// mini-top with both snapshots sorted by pid and merged (two indices walking them side by side)
// instead of a map: O(n log n).
package main

import (
	"bufio"
	"fmt"
	"math/big"
	"os"
	"sort"
	"strconv"
	"strings"
)

type process struct {
	pid, uid, threads                uint64
	state                            byte
	ticks, start, vsize, rss, shared uint64
	comm                             string
}

type snapshot struct {
	cpu    [10]uint64
	procs  map[uint64]*process
	order  []*process
	cgroup map[string]string
}

func roundHalfUp(num, den *big.Int) uint64 {
	two := big.NewInt(2)
	n := new(big.Int).Add(new(big.Int).Mul(num, two), den)
	return n.Quo(n, new(big.Int).Mul(den, two)).Uint64()
}

func u(v uint64) *big.Int { return new(big.Int).SetUint64(v) }

func atoi(s string) uint64 {
	v, _ := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	return v
}

// readSnapshot reads files until the next "snapshot" line (returned) or the end.
func readSnapshot(in *bufio.Reader) (*snapshot, bool) {
	s := &snapshot{procs: map[uint64]*process{}, cgroup: map[string]string{}}
	kind, file := "", ""
	var p *process
	for {
		raw, err := in.ReadString('\n')
		if raw == "" && err != nil {
			return s, false
		}
		line := strings.TrimSuffix(raw, "\n")
		if strings.HasPrefix(line, "snapshot ") {
			return s, true
		}
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, "==> ") {
			path := strings.TrimSuffix(line[4:], " <==")
			switch {
			case path == "/proc/stat":
				kind = "cpu"
			case strings.HasPrefix(path, "/proc/"):
				parts := strings.Split(path, "/")
				pid := atoi(parts[2])
				if p = s.procs[pid]; p == nil {
					p = &process{pid: pid}
					s.procs[pid] = p
					s.order = append(s.order, p)
				}
				kind = parts[3]
			default:
				kind, file = "cgroup", path[strings.LastIndexByte(path, '/')+1:]
			}
			continue
		}
		switch kind {
		case "cpu":
			if strings.HasPrefix(line, "cpu ") {
				for i, f := range strings.Fields(line)[1:11] {
					s.cpu[i] = atoi(f)
				}
			}
		case "stat":
			open, close := strings.IndexByte(line, '('), strings.LastIndexByte(line, ')')
			p.comm = line[open+1 : close]
			rest := strings.Split(line[close+2:], " ")
			p.state = rest[0][0]
			p.ticks = atoi(rest[11]) + atoi(rest[12])
			p.threads = atoi(rest[17])
			p.start, p.vsize, p.rss = atoi(rest[19]), atoi(rest[20]), atoi(rest[21])
		case "status":
			key, value, _ := strings.Cut(line, ":")
			switch key {
			case "Uid":
				p.uid = atoi(strings.Fields(value)[1])
			case "RssFile", "RssShmem":
				p.shared += atoi(strings.Fields(value)[0])
			}
		case "cgroup":
			if file == "memory.stat" || file == "cpu.stat" {
				key, value, _ := strings.Cut(line, " ")
				s.cgroup[file+":"+key] = value
			} else {
				s.cgroup[file] = line
			}
		}
	}
}

func sum(v []uint64) uint64 {
	var t uint64
	for _, x := range v {
		t += x
	}
	return t
}

func main() {
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	header := map[string]uint64{}
	for i := 0; i < 4; i++ {
		line, _ := in.ReadString('\n')
		key, value, _ := strings.Cut(strings.TrimSpace(line), " ")
		header[key] = atoi(value)
	}
	hertz, page, cpus, memTotal := header["hertz"], header["pagesize"], header["cpus"], header["memtotal"]
	for {
		line, _ := in.ReadString('\n')
		if strings.HasPrefix(line, "snapshot ") {
			break
		}
	}
	first, _ := readSnapshot(in)
	second, _ := readSnapshot(in)

	elapsed := sum(second.cpu[:8]) - sum(first.cpu[:8])
	type row struct {
		p     *process
		delta uint64
	}
	// Both snapshots sorted by pid, then walked side by side: each pid of snapshot 2 meets its
	// namesake in snapshot 1, if any, without looking pids up in the map.
	byPid := func(list []*process) {
		sort.Slice(list, func(i, j int) bool { return list[i].pid < list[j].pid })
	}
	byPid(first.order)
	byPid(second.order)
	rows := make([]row, 0, len(second.order))
	i := 0
	for _, p := range second.order {
		for i < len(first.order) && first.order[i].pid < p.pid {
			i++
		}
		delta := p.ticks
		if i < len(first.order) && first.order[i].pid == p.pid && first.order[i].start == p.start {
			delta -= first.order[i].ticks
		}
		rows = append(rows, row{p, delta})
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if elapsed > 0 && a.delta != b.delta {
			return a.delta > b.delta
		}
		return a.p.pid < b.p.pid
	})
	for _, r := range rows {
		p := r.p
		var cpu uint64
		if elapsed > 0 {
			cpu = roundHalfUp(new(big.Int).Mul(u(r.delta), u(1000*cpus)), u(elapsed))
		}
		res := p.rss * page / 1024
		mem := roundHalfUp(u(res*1000), u(memTotal))
		fmt.Fprintf(out, "%d %d %c %d %d.%d %d.%d %d %d %d %s\n", p.pid, p.uid, p.state, p.threads, cpu/10, cpu%10, mem/10, mem%10,
			p.vsize/1024, res, p.shared, p.comm)
	}

	if len(first.cgroup) > 0 && len(second.cgroup) > 0 {
		usage := func(s *snapshot) uint64 {
			if v, ok := s.cgroup["cpuacct.usage"]; ok {
				return atoi(v)
			}
			return atoi(s.cgroup["cpu.stat:usage_usec"]) * 1000
		}
		_, v1 := second.cgroup["cpuacct.usage"]
		system := (sum(second.cpu[:7]) - sum(first.cpu[:7])) * (1_000_000_000 / hertz)
		before, after := usage(first), usage(second)
		var cpu uint64
		if system > 0 && after > before {
			cpu = roundHalfUp(new(big.Int).Mul(u(after-before), u(cpus*10000)), u(system))
		}
		rawKey, inactiveKey, limitKey := "memory.current", "memory.stat:inactive_file", "memory.max"
		if v1 {
			rawKey, inactiveKey, limitKey = "memory.usage_in_bytes", "memory.stat:total_inactive_file", "memory.limit_in_bytes"
		}
		raw, inactive := atoi(second.cgroup[rawKey]), atoi(second.cgroup[inactiveKey])
		memory := raw
		if inactive < raw {
			memory = raw - inactive
		}
		machine := memTotal * 1024
		limit := machine
		if text := second.cgroup[limitKey]; text != "max" && atoi(text) < machine {
			limit = atoi(text)
		}
		mem := roundHalfUp(new(big.Int).Mul(u(memory), u(10000)), u(limit))
		fmt.Fprintf(out, "CONTAINER %d.%02d %d %d %d.%02d\n", cpu/100, cpu%100, memory, limit, mem/100, mem%100)
	}
}
