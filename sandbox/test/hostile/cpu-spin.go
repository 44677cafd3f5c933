// attack: an infinite loop.
// expect: TLE
// must not: run past the CPU limit.
package main

func main() {
	x := 0
	for {
		x++
	}
}
