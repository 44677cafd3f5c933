// The reference: SIGCHLD, SIGTERM and SIGINT arrive on a channel from os/signal, and a timer wakes
// it for the next restart or kill; every wakeup reaps in a loop with Wait4(-1, WNOHANG) (the only
// wait: os/exec's would race with it), then starts what is due. Each child is started with
// syscall.ForkExec in a process group of its own, signalled as a group.
package main

import (
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// A run that lasted this long resets the child's backoff.
const steadyRun = time.Second

type child struct {
	pid       int       // running, or 0
	started   time.Time // when the current run began
	restartAt time.Time // waiting to restart at this time, or zero
	restarts  int       // restarts in a row since the last steady run
}

type supervisor struct {
	spec     Spec
	children []child
}

func (s *supervisor) start(i int) {
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", s.spec.Children[i].Command}, &syscall.ProcAttr{
		Env:   os.Environ(),
		Files: []uintptr{0, 1, 2}, // Go opens its own descriptors close-on-exec
		Sys:   &syscall.SysProcAttr{Setpgid: true},
	})
	c := &s.children[i]
	if err != nil {
		// Out of processes for now: try again after the backoff.
		fmt.Fprintln(os.Stderr, "fork:", err)
		c.restartAt = time.Now().Add(time.Duration(s.spec.BackoffInitialMs) * time.Millisecond)
		return
	}
	// ForkExec returns once the child has called setpgid and exec'd: its group exists.
	*c = child{pid: pid, started: time.Now(), restarts: c.restarts}
	fmt.Printf("start %s %d\n", s.spec.Children[i].Name, pid)
}

func restartsAfter(policy Policy, status syscall.WaitStatus) bool {
	switch policy {
	case Always:
		return true
	case Never:
		return false
	}
	return !status.Exited() || status.ExitStatus() != 0
}

// reap reaps every child that ended; it schedules the restarts unless stopping.
func (s *supervisor) reap(stopping bool) {
	for {
		var status syscall.WaitStatus
		pid, err := syscall.Wait4(-1, &status, syscall.WNOHANG, nil)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || pid <= 0 {
			return
		}
		i := 0
		for i < len(s.children) && s.children[i].pid != pid {
			i++
		}
		if i == len(s.children) {
			continue
		}
		name := s.spec.Children[i].Name
		if status.Exited() {
			fmt.Printf("exit %s %d status %d\n", name, pid, status.ExitStatus())
		} else {
			fmt.Printf("exit %s %d signal %d\n", name, pid, int(status.Signal()))
		}
		now := time.Now()
		c := &s.children[i]
		c.pid = 0
		if stopping || !restartsAfter(s.spec.Children[i].Policy, status) {
			continue
		}
		if now.Sub(c.started) >= steadyRun {
			c.restarts = 0
		}
		delay := s.spec.BackoffInitialMs
		for k := 0; k < c.restarts && delay < s.spec.BackoffMaxMs; k++ {
			delay *= 2
		}
		if delay > s.spec.BackoffMaxMs {
			delay = s.spec.BackoffMaxMs
		}
		c.restarts++
		c.restartAt = now.Add(time.Duration(delay) * time.Millisecond)
	}
}

func Supervise(spec Spec) int {
	signals := make(chan os.Signal, 16)
	signal.Notify(signals, syscall.SIGCHLD, syscall.SIGTERM, syscall.SIGINT)
	defer signal.Stop(signals)
	s := &supervisor{spec: spec, children: make([]child, len(spec.Children))}
	for i := range spec.Children {
		s.start(i)
	}

	stopping, killed := false, false
	var killAt time.Time
	for {
		running, waiting := false, false
		var next time.Time
		for _, c := range s.children {
			if c.pid != 0 {
				running = true
			}
			if !c.restartAt.IsZero() {
				waiting = true
				if next.IsZero() || c.restartAt.Before(next) {
					next = c.restartAt
				}
			}
		}
		if !running && !waiting {
			break
		}
		if stopping && !killed && running {
			next = killAt
		}
		var timer *time.Timer
		var due <-chan time.Time // nil, which never fires, when nothing is timed
		if !next.IsZero() {
			timer = time.NewTimer(time.Until(next))
			due = timer.C
		}
		// Wait for a signal or the timer, then take every other signal already delivered.
		select {
		case sig := <-signals:
			stopping = s.onSignal(sig, stopping, &killAt)
		case <-due:
		}
		for more := true; more; {
			select {
			case sig := <-signals:
				stopping = s.onSignal(sig, stopping, &killAt)
			default:
				more = false
			}
		}
		if timer != nil {
			timer.Stop()
		}

		s.reap(stopping)
		now := time.Now()
		if !stopping {
			for i, c := range s.children {
				if !c.restartAt.IsZero() && !c.restartAt.After(now) {
					s.start(i)
				}
			}
		}
		if stopping && !killed && !now.Before(killAt) {
			killed = true
			for i, c := range s.children {
				if c.pid != 0 {
					fmt.Printf("kill %s %d\n", spec.Children[i].Name, c.pid)
					syscall.Kill(-c.pid, syscall.SIGKILL)
				}
			}
		}
	}
	fmt.Printf("done\n")
	return 0
}

// onSignal starts stopping at the first SIGTERM or SIGINT: it says term, sends SIGTERM to every
// running child's group, cancels the restarts and sets the time to kill. It returns whether stopping.
func (s *supervisor) onSignal(sig os.Signal, stopping bool, killAt *time.Time) bool {
	if stopping || (sig != syscall.SIGTERM && sig != syscall.SIGINT) {
		return stopping
	}
	fmt.Printf("term\n")
	for i := range s.children {
		s.children[i].restartAt = time.Time{}
		if s.children[i].pid != 0 {
			syscall.Kill(-s.children[i].pid, syscall.SIGTERM)
		}
	}
	*killAt = time.Now().Add(time.Duration(s.spec.GraceMs) * time.Millisecond)
	return true
}
