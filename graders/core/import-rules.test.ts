import { describe, expect, it } from "vitest";
import { forbiddenImport, importsOf } from "@/graders/core/import-rules";

const net = { modules: ["net"], why: "no" };
const asyncio = { modules: ["asyncio"], why: "no" };

describe("import rules", () => {
  it("finds Go imports, single and grouped, aliased, with their lines", () => {
    const code = 'package main\n\nimport "fmt"\nimport (\n\t"os"\n\tn "net"\n\t_ "net/http/pprof"\n)\n';
    expect(importsOf(code, "go")).toEqual([
      { module: "fmt", line: 3 },
      { module: "os", line: 5 },
      { module: "net", line: 6 },
      { module: "net/http/pprof", line: 7 },
    ]);
    expect(forbiddenImport(code, "go", net)).toEqual({ module: "net", line: 6 });
  });

  it("allows what only looks like the forbidden module, and ignores comments", () => {
    const code = 'package main\n\n// import "net"\n/* import (\n"net"\n) */\nimport (\n\t"netip_like/x"\n\t"syscall"\n)\nvar s = "net"\n';
    expect(forbiddenImport(code, "go", net)).toBeNull();
  });

  it("finds Python imports in every form", () => {
    const code = "import os, sys as system\n# import asyncio\nfrom select import epoll\n\ndef main():\n    import asyncio.events as e\n";
    expect(importsOf(code, "python").map((found) => found.module)).toEqual(["os", "sys", "select", "asyncio.events"]);
    expect(forbiddenImport(code, "python", asyncio)).toEqual({ module: "asyncio.events", line: 6 });
    expect(forbiddenImport("from asyncio import run\n", "python", asyncio)).toEqual({ module: "asyncio", line: 1 });
    expect(forbiddenImport("import asyncio_helpers\n", "python", asyncio)).toBeNull();
  });
});
