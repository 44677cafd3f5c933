// The spec the driver (main.go) reads and checks, and hands to your Supervise (supervisor.go).
package main

const (
	MaxChildren = 32
	MaxName     = 16
	MaxCommand  = 4000
)

type Policy int

const (
	Always Policy = iota
	OnFailure
	Never
)

type ChildSpec struct {
	Name    string // 1 to 16 of a-z, 0-9, - ; all different
	Policy  Policy
	Command string // a line of shell, for /bin/sh -c
}

type Spec struct {
	BackoffInitialMs, BackoffMaxMs int         // 10 to 10,000, initial <= max
	GraceMs                        int         // 10 to 10,000
	Children                       []ChildSpec // 1 to MaxChildren
}

// Supervise (supervisor.go) starts the children, reaps them, restarts them as their policies say,
// and stops them all on SIGTERM or SIGINT; it prints its lines on standard output as they happen
// (see the statement). It returns the program's exit status: 0 once every child has ended and none
// will restart.
