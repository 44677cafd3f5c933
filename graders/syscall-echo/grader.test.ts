import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { refusal } from "@/graders/core/source-rules";
import grader, { echoLines } from "@/graders/syscall-echo/grader";
import type { Language } from "@/contracts/languages";

const rules = (language: Language) => grader.sourceRules?.[language] ?? [];
const file = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");

describe("syscall-echo grader", () => {
  it("echoes byte counts, with no line for empty input and none after a final newline", () => {
    expect(echoLines("")).toBe("");
    expect(echoLines("hello\n\ntab\tseparated\n")).toBe("5 hello\n0 \n13 tab\tseparated\n");
    expect(echoLines("a\nbc")).toBe("1 a\n2 bc\n");
    expect(echoLines("é \t\n")).toBe("4 é \t\n");
  });

  it("sends a line longer than a megabyte", () => {
    const long = grader.hiddenTests(grader.seed, "c").find((test) => test.name === "one long line")!;
    expect(long.input.indexOf("\n")).toBeGreaterThan(2 << 20);
  });

  it("refuses the buffered shortcuts the statement forbids, on their line", () => {
    expect(refusal('int f(int in) {\n    FILE *f = fdopen(in, "r");\n}', "c", rules("c"))).toMatchObject({ line: 2, what: expect.stringContaining('"FILE"') });
    expect(refusal('void f(void) {\n    printf("%d\\n", 1);\n}', "c", rules("c"))?.line).toBe(2);
    expect(refusal("void f(char *b) {\n    fgets(b, 9, stdin);\n}", "c", rules("c"))?.line).toBe(2);
    expect(refusal('package main\n\nimport (\n\t"bufio"\n\t"os"\n)\n', "go", rules("go"))).toMatchObject({ line: 4 });
    expect(refusal('package main\n\nimport "fmt"\n\nfunc f() { fmt.Println(1) }\n', "go", rules("go"))).toMatchObject({ line: 5 });
    expect(refusal("import sys\n", "python", rules("python"))).toMatchObject({ line: 1 });
    expect(refusal("import os\n\ndata = open(0, 'rb').read()\n", "python", rules("python"))).toMatchObject({ line: 3 });
    expect(refusal("import os\n\nf = os.fdopen(0)\n", "python", rules("python"))).toMatchObject({ line: 3 });
    expect(refusal("def f():\n    print('x')\n", "python", rules("python"))).toMatchObject({ line: 2 });
  });

  it("lets the system calls through: the references, snprintf, fprintf(stderr) and Go's println", () => {
    expect(refusal(file("./reference/c/echo.c"), "c", rules("c"))).toBeNull();
    expect(refusal(file("./reference/go/echo.go"), "go", rules("go"))).toBeNull();
    expect(refusal(file("./reference/python/echo.py"), "python", rules("python"))).toBeNull();
    expect(refusal('void f(int n) {\n    fprintf(stderr, "%d\\n", n);\n}', "c", rules("c"))).toBeNull();
    expect(refusal("package main\n\nfunc f() { println(1) }\n", "go", rules("go"))).toBeNull();
  });
});
