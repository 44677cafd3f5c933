import { describe, expect, it } from "vitest";
import { linkSourceRules } from "@/graders/core/link-rules";
import { blankNonCode, importsOf, refusal, refusalMessage } from "@/graders/core/source-rules";

const net = [{ modules: ["net"], why: "no" }];
const asyncio = [{ modules: ["asyncio"], why: "no" }];

describe("source rules", () => {
  it("finds Go imports, single and grouped, aliased, with their lines", () => {
    const code = 'package main\n\nimport "fmt"\nimport (\n\t"os"\n\tn "net"\n\t_ "net/http/pprof"\n)\n';
    expect(importsOf(code, "go")).toEqual([
      { module: "fmt", line: 3 },
      { module: "os", line: 5 },
      { module: "net", line: 6 },
      { module: "net/http/pprof", line: 7 },
    ]);
    expect(refusal(code, "go", net)).toEqual({ line: 6, what: '"net" is not allowed in this exercise', why: "no" });
  });

  it("allows what only looks like the forbidden module, and ignores comments", () => {
    const code = 'package main\n\n// import "net"\n/* import (\n"net"\n) */\nimport (\n\t"netip_like/x"\n\t"syscall"\n)\nvar s = "net"\n';
    expect(refusal(code, "go", net)).toBeNull();
  });

  it("finds Python imports in every form", () => {
    const code = "import os, sys as system\n# import asyncio\nfrom select import epoll\n\ndef main():\n    import asyncio.events as e\n";
    expect(importsOf(code, "python").map((found) => found.module)).toEqual(["os", "sys", "select", "asyncio.events"]);
    expect(refusal(code, "python", asyncio)?.line).toBe(6);
    expect(refusal("from asyncio import run\n", "python", asyncio)?.what).toBe('"asyncio" is not allowed in this exercise');
    expect(refusal("import asyncio_helpers\n", "python", asyncio)).toBeNull();
  });

  it("does not let a comment marker inside a string hide the code after it", () => {
    // A naive `#…` blanking would hide the import on this line.
    const code = 'x = "#"; import asyncio\n';
    expect(blankNonCode(code, "python")).toBe(code);
    const go = 'package main\nvar s = "//"; var t = `/*`\nimport "net"\n';
    expect(refusal(go, "go", net)?.line).toBe(3);
  });

  it("refuses Go keywords outside strings and comments", () => {
    const rules = [{ names: ["chan"], why: "build the buffer yourself" }];
    expect(refusal('package buffer\n// a chan would do\nvar s = "chan"\n', "go", rules)).toBeNull();
    expect(refusal("package buffer\n\ntype B struct{ items chan int64 }\n", "go", rules)).toMatchObject({
      line: 3,
      what: '"chan" is not allowed in this exercise',
    });
    expect(refusal("package buffer\nvar channel, chanel int\n", "go", rules)).toBeNull();
  });

  it("can count Python names in code only: not in plain strings and comments, but in f-strings, which run code", () => {
    const rules = [{ names: ["input", "print"], codeOnly: true, why: "use os.read" }];
    expect(refusal('"""Reads the input and prints it."""\n# input() would buffer\nx = "print"\n', "python", rules)).toBeNull();
    expect(refusal('label = f"{input()}"\n', "python", rules)?.line).toBe(1);
    expect(refusal('x = rb"input"; y = input()\n', "python", rules)?.what).toBe('"input" is not allowed in this exercise');
    // Without codeOnly a name in a string counts (how getattr would reach it).
    expect(refusal('x = "print"\n', "python", [{ names: ["print"], why: "no" }])?.line).toBe(1);
  });

  it("says the refusal as a compiler error on its line", () => {
    expect(refusalMessage("buffer.go", { line: 3, what: '"chan" is not allowed in this exercise', why: "build it yourself." })).toBe(
      'buffer.go:3:1: error: "chan" is not allowed in this exercise: build it yourself.',
    );
  });
});

describe("link exercises' own rules", () => {
  const go = linkSourceRules("go", "buffer.go");
  const python = linkSourceRules("python", "buffer.py");

  it("make Go code a package of its own, without unsafe, reflect, os, syscall, cgo or linkname", () => {
    const fine = 'package buffer\n\nimport (\n\t"fmt"\n\t"sync"\n\t"sync/atomic"\n\t"time"\n)\n';
    expect(refusal(fine, "go", go)).toBeNull();
    expect(refusal("package main\n", "go", go)?.what).toBe('your file must begin with "package buffer"');
    for (const module of ["unsafe", "reflect", "os", "os/exec", "syscall", "C", "io/ioutil", "runtime/debug", "net"]) {
      expect(refusal(`package buffer\n\nimport "${module}"\n`, "go", go)?.what, module).toBe(`"${module}" is not allowed in this exercise`);
    }
    expect(refusal('package buffer\n\nimport _ "runtime"\n\n//go:linkname nonce main.nonce\nvar nonce string\n', "go", go)?.line).toBe(5);
  });

  it("keep Python code away from the harness: no introspection, no import by name, no files", () => {
    const fine = [
      "import threading",
      "from collections import deque",
      "",
      "class BoundedBuffer:",
      '    """A ring buffer; __init__ sets it up."""',
      "    __slots__ = ('_lock',)",
      "    def __init__(self, capacity):",
      "        self._lock = threading.Lock()",
      "    def __repr__(self):",
      "        return f'{self.__class__.__name__}()'",
      "",
      'if __name__ == "__main__":',
      "    print('testing by hand')",
    ].join("\n");
    expect(refusal(fine, "python", python)).toBeNull();
    const refused = {
      "import sys\nsys.modules['__main__']": '"sys" is not allowed in this exercise',
      "import threading\nthreading._sys.modules": '"_sys" is not allowed in this exercise',
      "x = __import__('os')": '"__import__" is not allowed in this exercise',
      "f = getattr(object, 'x')": '"getattr" is not allowed in this exercise',
      "def f(g):\n    return g.__globals__": '"__globals__" is not allowed in this exercise',
      "x = f\"{__import__('os').write(3, b'')}\"": '"__import__" is not allowed in this exercise',
      "import queue as q": undefined,
    };
    for (const [code, what] of Object.entries(refused)) expect(refusal(code, "python", python)?.what, code).toBe(what);
  });
});
