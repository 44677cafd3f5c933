// The drivers' promises, in the real sandbox and in every language: answers the driver can see are
// wrong are named (each way, in the same words), what earlier events printed comes first, lists are
// sorted, malformed input is refused before anything runs, and the rules that depend on the state
// are checked as each event is reached. One misbehaving detector per language, told by the total of
// type 0 which mistake to make; otherwise it answers the scenario below rightly.
import { describe, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { type DriverCases, expectDriverOutputs } from "@/graders/core/test/driver-outputs";

/**
 * Mode 1: grants a request for which nothing is free; 2: wakes a process that is not waiting; 3: wakes
 * one twice; 4: wakes a process that does not exist; 5: reports a process that is not waiting as
 * deadlocked; anything else: the right answers, lists in decreasing order.
 */
const MISBEHAVING: Record<Language, string> = {
  c: `#include "detector.h"
static int mode;
void detector_init(int n, int m, const int *total) { (void)n; (void)m; mode = total[0]; }
int detector_request(int p, int r, int k) { (void)r; (void)k; return mode == 1 || p == 0 || p == 2; }
int detector_release(int p, int r, int k, int *woken) {
    (void)p; (void)r; (void)k;
    switch (mode) {
    case 2: woken[0] = 2; return 1;
    case 3: woken[0] = 1; woken[1] = 1; return 2;
    case 4: woken[0] = 7; return 1;
    default: woken[0] = 3; woken[1] = 1; return 2;
    }
}
int detector_exit(int p, int *woken) { (void)p; (void)woken; return 0; }
int detector_detect(int *deadlocked) {
    if (mode == 5) { deadlocked[0] = 0; return 1; }
    return 0;
}
`,
  cpp: "",
  go: `package main

type Detector struct{ mode int }

func NewDetector(n, m int, total []int) *Detector { return &Detector{mode: total[0]} }

func (d *Detector) Request(p, r, k int) bool { return d.mode == 1 || p == 0 || p == 2 }

func (d *Detector) Release(p, r, k int) []int {
	switch d.mode {
	case 2:
		return []int{2}
	case 3:
		return []int{1, 1}
	case 4:
		return []int{7}
	}
	return []int{3, 1}
}

func (d *Detector) Exit(p int) []int { return nil }

func (d *Detector) Detect() []int {
	if d.mode == 5 {
		return []int{0}
	}
	return nil
}
`,
  python: `class Detector:
    def __init__(self, n, m, total):
        self.mode = total[0]

    def request(self, p, r, k):
        return self.mode == 1 or p in (0, 2)

    def release(self, p, r, k):
        return {2: [2], 3: [1, 1], 4: [7]}.get(self.mode, [3, 1])

    def exit(self, p):
        return []

    def detect(self):
        return [0] if self.mode == 5 else []
`,
};

const EVENTS = ["REQUEST 0 1 2", "REQUEST 1 1 1", "REQUEST 3 1 1", "REQUEST 2 0 1", "RELEASE 0 1 2", "DETECT"];
const scenario = (mode: number, events = EVENTS) => `4 2\n${mode} 2\n${events.length}\n${events.join("\n")}\n`;
const RIGHT = ["GRANT", "WAIT", "WAIT", "GRANT", "OK 1 3", "NONE"];

/** Each input, and the whole output the driver must print for it. */
const CASES: DriverCases = [
  [scenario(6), RIGHT],
  [scenario(1), ["GRANT", "invalid answer: event 2: process 1 is granted 1 of type 1, but only 0 are free"]],
  [scenario(2), [...RIGHT.slice(0, 4), "invalid answer: event 5: process 2 is woken but is not waiting"]],
  [scenario(3), [...RIGHT.slice(0, 4), "invalid answer: event 5: process 1 appears twice"]],
  [scenario(4), [...RIGHT.slice(0, 4), "invalid answer: event 5: there is no process 7 (processes are 0 to 3)"]],
  [scenario(5), [...RIGHT.slice(0, 5), "invalid answer: event 6: process 0 is reported deadlocked but is not waiting"]],
  // The rules that depend on the state: checked when the event is reached, after what came before.
  [scenario(6, ["REQUEST 0 1 2", "REQUEST 1 1 1", "REQUEST 1 0 1"]), ["GRANT", "WAIT", "invalid input: event 3: process 1 is waiting and can only exit"]],
  [scenario(6, ["REQUEST 0 1 2", "RELEASE 0 1 3"]), ["GRANT", "invalid input: event 2: process 0 gives back 3 of type 1 but holds 2"]],
  [scenario(6, ["REQUEST 0 1 2", "REQUEST 0 1 1"]), ["GRANT", "invalid input: event 2: process 0 would hold 3 of type 1, more than the total of 2"]],
  // Malformed input: refused before anything runs (the valid first events print nothing).
  [scenario(6, ["REQUEST 0 1 2", "WAIT 1"]), ["invalid input: event 2 must be REQUEST p r k, RELEASE p r k, EXIT p or DETECT"]],
  [scenario(6, ["REQUEST 0 1 2", "EXIT 4"]), ["invalid input: event 2: the process must be 0 to 3"]],
  [scenario(6, ["REQUEST 0 2 1"]), ["invalid input: event 1: the resource type must be 0 to 1"]],
  [scenario(6, ["REQUEST 0 1 0"]), ["invalid input: event 1: the amount must be 1 to 1000000000"]],
  ["4 2\n6 2\n3\nDETECT\n", ["invalid input: there are fewer events than the third line says (3)"]],
  ["4 2\n6 2\n1\nDETECT\nDETECT\n", ["invalid input: there are more events than the third line says (1)"]],
  ["4 2\n6 1000000001\n0\n", ["invalid input: the total of type 1 must be 1 to 1000000000"]],
  ["2001 1\n1\n0\n", ["invalid input: the first line must be the number of processes (1 to 2000) and the number of resource types (1 to 100)"]],
];

describe("the deadlock-detection drivers", () => {
  it.each(["c", "go", "python"] as const)(
    "in %s name every answer they can see is wrong, sort lists, and refuse input that breaks the rules",
    async (language) => {
      const edit = { c: "detector.c", go: "detector.go", python: "detector.py" }[language];
      await expectDriverOutputs("deadlock-detection", language, { name: edit, content: MISBEHAVING[language] }, CASES);
    },
  );
});
