// Your supervisor: see spec.go and the statement. Start each child with syscall.ForkExec of
// /bin/sh -c COMMAND (SysProcAttr Setpgid); learn of its end from SIGCHLD (signal.Notify) and reap
// it with syscall.Wait4; restart it after its backoff; on SIGTERM or SIGINT stop them all. Print
// each line with one fmt.Printf. This starter compiles, but starts every child once and never
// reaps it.
package main

import (
	"fmt"
	"os"
	"syscall"
)

func Supervise(spec Spec) int {
	for _, child := range spec.Children {
		pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", child.Command}, &syscall.ProcAttr{
			Env:   os.Environ(),
			Files: []uintptr{0, 1, 2},
		})
		if err != nil {
			fmt.Fprintln(os.Stderr, "fork:", err)
			continue
		}
		fmt.Printf("start %s %d\n", child.Name, pid)
	}
	// TODO: wait for SIGCHLD and SIGTERM without polling, reap, print exit lines, restart with backoff, stop on SIGTERM
	fmt.Printf("done\n")
	return 0
}
