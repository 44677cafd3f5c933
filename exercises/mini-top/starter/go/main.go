// mini-top: top's process table and docker stats' container line from two snapshots of /proc and a
// container's cgroup files (see the statement for the exact input and output). The whole program is
// yours: this one reads the input and walks its files, and computes nothing yet.
package main

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()

	header := map[string]uint64{}
	snapshot, path := 0, ""
	for in.Scan() {
		line := in.Text()
		if line == "" {
			continue
		}
		key, value, _ := strings.Cut(line, " ")
		switch {
		case key == "hertz" || key == "pagesize" || key == "cpus" || key == "memtotal":
			header[key], _ = strconv.ParseUint(value, 10, 64)
		case key == "snapshot":
			snapshot, _ = strconv.Atoi(value)
		case strings.HasPrefix(line, "==> "):
			path = strings.TrimSuffix(line[4:], " <==") // "/proc/1204/stat"
		default:
			// TODO: the exercise. line is a line of the file path in snapshot snapshot: read the cpu
			// line, each process's stat line (the comm ends at the LAST ')') and status fields, and
			// the cgroup files; then match the snapshots' processes, compute the table, print it.
			_, _ = snapshot, path
		}
	}
}
