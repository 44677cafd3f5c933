// The drivers' promises, in the real sandbox and in every language: calls that are not a schedule
// are named (each way, in the same words) after the path printed up to them, what earlier scenarios
// printed comes first, the head's path is followed through seeks (detours and turns counted), and
// malformed input is refused before anything is scheduled. One misbehaving scheduler per language,
// told by the head's starting cylinder which mistake to make.
import { describe, it } from "vitest";
import type { Language } from "@/contracts/languages";
import { type DriverCases, expectDriverOutputs } from "@/graders/core/test/driver-outputs";

/**
 * R1 on cylinder 60, R2 on 40, of 100. Head 1 … 6: one mistake each; 7: a detour (to 99 and back
 * to 80 before R2); 8: R1 then R2.
 */
const MISBEHAVING: Record<Language, string> = {
  c: `#include "disk.h"
void schedule(const scenario *s) {
    switch (s->head) {
    case 1: serve(0); break;
    case 2: serve(3); break;
    case 3: serve(1); serve(1); break;
    case 4: seek(100); break;
    case 5: seek(-1); break;
    case 6: serve(1); break;
    case 7: serve(1); seek(60); seek(99); seek(80); serve(2); break;
    default: serve(1); serve(2); break;
    }
}
`,
  cpp: "",
  go: `package main

func Schedule(s Scenario, head Head) {
	switch s.Head {
	case 1:
		head.Serve(0)
	case 2:
		head.Serve(3)
	case 3:
		head.Serve(1)
		head.Serve(1)
	case 4:
		head.Seek(100)
	case 5:
		head.Seek(-1)
	case 6:
		head.Serve(1)
	case 7:
		head.Serve(1)
		head.Seek(60)
		head.Seek(99)
		head.Seek(80)
		head.Serve(2)
	default:
		head.Serve(1)
		head.Serve(2)
	}
}
`,
  python: `def schedule(algorithm, cylinders, head, direction, requests, serve, seek):
    if head == 1:
        serve(0)
    elif head == 2:
        serve(3)
    elif head == 3:
        serve(1)
        serve(1)
    elif head == 4:
        seek(100)
    elif head == 5:
        seek(-1)
    elif head == 6:
        serve(1)
    elif head == 7:
        serve(1)
        seek(60)
        seek(99)
        seek(80)
        serve(2)
    else:
        serve(1)
        serve(2)
`,
};

const scenario = (head: number, report = "full") => `FCFS 100 ${head} up 2 ${report}\n60 40\n`;
/** From 8: 52 to R1, 20 more to R2. */
const RIGHT = ["60 R1", "40 R2", "TOTAL 72", "WAIT 62.00 72"];

/** Each input, and the whole output the driver must print for it. */
const CASES: DriverCases = [
  [`1\n${scenario(8)}`, RIGHT],
  // 53 to R1, 39 up to 99 (a turn: nothing served there), 19 down to 80 and 40 on to R2, one stretch.
  [`1\n${scenario(7)}`, ["60 R1", "99 turn", "40 R2", "TOTAL 151", "WAIT 102.00 151"]],
  [`1\n${scenario(7, "summary")}`, ["TOTAL 151", "WAIT 102.00 151"]],
  [`1\n${scenario(1)}`, ["invalid schedule: there is no request R0 (the requests are R1 to R2)"]],
  [`1\n${scenario(2)}`, ["invalid schedule: there is no request R3 (the requests are R1 to R2)"]],
  [`1\n${scenario(3)}`, ["60 R1", "invalid schedule: R1 is served twice"]],
  [`1\n${scenario(4)}`, ["invalid schedule: seek(100) is off the disk: its cylinders are 0 to 99"]],
  [`1\n${scenario(5)}`, ["invalid schedule: seek(-1) is off the disk: its cylinders are 0 to 99"]],
  [`1\n${scenario(6)}`, ["60 R1", "invalid schedule: R2 was never served"]],
  // The first scenario's report, then the second's path and mistake, and nothing after it.
  [`3\n${scenario(8)}${scenario(3)}${scenario(8)}`, [...RIGHT, "60 R1", "invalid schedule: R1 is served twice"]],
  // Malformed input: refused before anything is scheduled (the valid first scenario prints nothing).
  [`2\n${scenario(8)}SCAN 0 0 up 1 full\n0\n`, ["invalid input: scenario 2: the number of cylinders must be 1 to 1000000"]],
  ["1\nELEVATOR 100 0 up 1 full\n5\n", ["invalid input: scenario 1: the algorithm must be FCFS, SSTF, SCAN, C-SCAN, LOOK or C-LOOK"]],
  ["1\nCSCAN 100 0 up 1 full\n5\n", ["invalid input: scenario 1: the algorithm must be FCFS, SSTF, SCAN, C-SCAN, LOOK or C-LOOK"]],
  ["1\nSCAN 1000001 0 up 1 full\n5\n", ["invalid input: scenario 1: the number of cylinders must be 1 to 1000000"]],
  ["1\nSCAN 100 100 up 1 full\n5\n", ["invalid input: scenario 1: the head must be on a cylinder, 0 to 99"]],
  ["1\nSCAN 100 5 left 1 full\n5\n", ["invalid input: scenario 1: the direction must be up or down"]],
  ["1\nSCAN 100 5 up 0 full\n", ["invalid input: scenario 1: the number of requests must be 1 to 1000000"]],
  ["1\nSCAN 100 5 up 1 brief\n5\n", ["invalid input: scenario 1: the report must be full or summary"]],
  ["1\nSCAN 100 5 up 3 full\n5 100 6\n", ["invalid input: scenario 1, request 2: the cylinder must be 0 to 99"]],
  ["1\nSCAN 100 5 up 3 full\n5 -1 6\n", ["invalid input: scenario 1, request 2: the cylinder must be 0 to 99"]],
  ["1\nSCAN 100 5 up 2 full\n5\n", ["invalid input: scenario 1, request 2: the cylinder must be 0 to 99"]],
  [
    `3\nFCFS 100 0 up 1000000 summary\n${"0 ".repeat(1_000_000)}\nFCFS 100 0 up 1000000 summary\n${"0 ".repeat(1_000_000)}\nFCFS 100 0 up 1 summary\n0\n`,
    ["invalid input: scenario 3: the scenarios have more than 2000000 requests in all"],
  ],
  ["1\nFCFS 100 0 up 1 full\n5\nextra\n", ["invalid input: there is more input after the last scenario (the first line says 1)"]],
  ["21\n", ["invalid input: the first line must be the number of scenarios (1 to 20)"]],
];

describe("the disk-scheduling drivers", () => {
  it.each(["c", "go", "python"] as const)(
    "in %s name every call that is not a schedule, follow the head through seeks, and refuse malformed input",
    async (language) => {
      const edit = { c: "disk.c", go: "disk.go", python: "disk.py" }[language];
      await expectDriverOutputs("disk-scheduling", language, { name: edit, content: MISBEHAVING[language] }, CASES);
    },
  );
});

describe("the Python driver", () => {
  it("names a request or cylinder that is not an integer", async () => {
    const content = `def schedule(algorithm, cylinders, head, direction, requests, serve, seek):
    if head == 1:
        serve("1")
    elif head == 2:
        seek(9.0)
    else:
        serve(True)
`;
    await expectDriverOutputs("disk-scheduling", "python", { name: "disk.py", content }, [
      [`1\n${scenario(1)}`, ["invalid schedule: serve('1'): a request number must be an integer"]],
      [`1\n${scenario(2)}`, ["invalid schedule: seek(9.0): a cylinder must be an integer"]],
      [`1\n${scenario(3)}`, ["invalid schedule: serve(True): a request number must be an integer"]],
    ]);
  });
});
