// The drivers' promises, in the real sandbox and in every language: runs that are not a schedule
// are named (each way, in the same words), what earlier scenarios printed comes first, split runs
// are joined, idle stretches filled, and malformed input is refused before anything is scheduled.
// One misbehaving scheduler per language, told by the RR quantum which mistake to make.
import { describe, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { type DriverCases, expectDriverOutputs } from "@/graders/core/test/driver-outputs";

/**
 * P1 arrives at 0 needing 3, P2 at 5 needing 2. Quantum 1 … 6: one mistake each; 7: a right
 * schedule reported in pieces (P1 as 0–1 and 1–3).
 */
const MISBEHAVING: Record<Language, string> = {
  c: `#include "scheduler.h"
void schedule(const scenario *s, run_fn run, void *ctx) {
    switch (s->parameter) {
    case 1: run(ctx, 0, 0, 1); break;
    case 2: run(ctx, 1, 2, 2); break;
    case 3: run(ctx, 1, 0, 2); run(ctx, 1, 1, 2); break;
    case 4: run(ctx, 2, 1, 3); break;
    case 5: run(ctx, 1, 0, 4); break;
    case 6: run(ctx, 1, 0, 3); break;
    default: run(ctx, 1, 0, 1); run(ctx, 1, 1, 3); run(ctx, 2, 5, 7); break;
    }
}
`,
  cpp: "",
  go: `package main

func Schedule(s Scenario, run func(pid int, start, end int64)) {
	switch s.Parameter {
	case 1:
		run(0, 0, 1)
	case 2:
		run(1, 2, 2)
	case 3:
		run(1, 0, 2)
		run(1, 1, 2)
	case 4:
		run(2, 1, 3)
	case 5:
		run(1, 0, 4)
	case 6:
		run(1, 0, 3)
	default:
		run(1, 0, 1)
		run(1, 1, 3)
		run(2, 5, 7)
	}
}
`,
  python: `def schedule(algorithm, parameter, processes, run):
    if parameter == 1:
        run(0, 0, 1)
    elif parameter == 2:
        run(1, 2, 2)
    elif parameter == 3:
        run(1, 0, 2)
        run(1, 1, 2)
    elif parameter == 4:
        run(2, 1, 3)
    elif parameter == 5:
        run(1, 0, 4)
    elif parameter == 6:
        run(1, 0, 3)
    else:
        run(1, 0, 1)
        run(1, 1, 3)
        run(2, 5, 7)
`,
};

const scenario = (quantum: number) => `RR ${quantum}\n2 full\n0 3 0\n5 2 0\n`;
const RIGHT = ["0 3 P1", "3 5 idle", "5 7 P2", "P1 0 3 0", "P2 0 2 0", "TOTAL 0 5 0", "AVG 0.00 2.50 0.00"];

/** Each input, and the whole output the driver must print for it. */
const CASES: DriverCases = [
  [`1\n${scenario(7)}`, RIGHT],
  [`1\n${scenario(1)}`, ["invalid schedule: there is no process P0"]],
  [`1\n${scenario(2)}`, ["invalid schedule: a run of P1 from 2 to 2 is empty"]],
  [`1\n${scenario(3)}`, ["invalid schedule: P1 runs from 1, before the previous run ends at 2"]],
  [`1\n${scenario(4)}`, ["invalid schedule: P2 runs from 1, before it arrives at 5"]],
  [`1\n${scenario(5)}`, ["invalid schedule: P1 runs 4 units, more than its burst of 3"]],
  [`1\n${scenario(6)}`, ["invalid schedule: P2 ran 0 of its 2 units"]],
  // The first scenario's report, then the second's mistake, and nothing after it.
  [`3\n${scenario(7)}${scenario(4)}${scenario(7)}`, [...RIGHT, "invalid schedule: P2 runs from 1, before it arrives at 5"]],
  // Malformed input: refused before anything is scheduled (the valid first scenario prints nothing).
  [`2\n${scenario(7)}RR 0\n1 full\n0 1 0\n`, ["invalid input: scenario 2: the quantum must be 1 to 1000000"]],
  ["1\nLOTTERY\n1 full\n0 1 0\n", ["invalid input: scenario 1: the algorithm must be FCFS, SJF, SRTF, RR <quantum> or PRIORITY <aging>"]],
  ["1\nFCFS\n1 brief\n0 1 0\n", ["invalid input: scenario 1: the report must be full or summary"]],
  ["1\nFCFS\n2 full\n0 1 0\n0 0 0\n", ["invalid input: scenario 1, process 2: burst must be 1 to 1000000"]],
  ["1\nFCFS\n1 full\n1000000001 1 0\n", ["invalid input: scenario 1, process 1: arrival must be 0 to 1000000000"]],
  ["1\nFCFS\n1 full\n0 1 1001\n", ["invalid input: scenario 1, process 1: priority must be 0 to 1000"]],
  ["1\nRR 1\n2 full\n0 1000000 0\n0 1 0\n", ["invalid input: scenario 1: the sum of ceil(burst / quantum) over the processes must be at most 1000000"]],
  ["1\nFCFS\n1 full\n0 1 0\nextra\n", ["invalid input: there is more input after the last scenario (the first line says 1)"]],
  ["21\n", ["invalid input: the first line must be the number of scenarios (1 to 20)"]],
];

describe("the cpu-scheduler drivers", () => {
  it.each(["c", "go", "python"] as const)("in %s name every way runs fail to be a schedule, join split runs, and refuse malformed input", async (language) => {
    const edit = { c: "scheduler.c", go: "scheduler.go", python: "scheduler.py" }[language];
    await expectDriverOutputs("cpu-scheduler", language, { name: edit, content: MISBEHAVING[language] }, CASES);
  });
});
