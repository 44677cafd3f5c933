import { describe, expect, it } from "vitest";
import { parseCompilerDiagnostics } from "@/lib/grading/compiler-diagnostics";

describe("parseCompilerDiagnostics", () => {
  it("reads gcc errors and warnings in the user's file only", () => {
    const output = [
      "echo.c: In function ‘echo_lines’:",
      "echo.c:6:22: error: expected ‘;’ before ‘ssize_t’",
      "    6 |     char buffer[4096]",
      "echo.c:8:50: warning: comparison of integer expressions of different signedness",
      "main.c:3:10: fatal error: missing.h: No such file or directory",
      "echo.c:9:1: note: declared here",
    ].join("\n");
    expect(parseCompilerDiagnostics(output, "echo.c")).toEqual([
      { line: 6, column: 22, severity: "error", message: "expected ‘;’ before ‘ssize_t’" },
      { line: 8, column: 50, severity: "warning", message: "comparison of integer expressions of different signedness" },
    ]);
  });

  it("reads Go's errors", () => {
    const output =
      '# command-line-arguments\n./echo.go:7:2: declared and not used: unused\n./echo.go:8:19: cannot use "not bytes" (untyped string constant) as []byte value';
    expect(parseCompilerDiagnostics(output, "echo.go").map((d) => [d.line, d.column])).toEqual([
      [7, 2],
      [8, 19],
    ]);
  });

  it("reads Python's syntax errors", () => {
    const output =
      "  File \"/tmp/sandbox/echo.py\", line 5\n    def echo_lines(in_fd: int, out_fd: int) -> None\n                                                   ^\nSyntaxError: expected ':'";
    expect(parseCompilerDiagnostics(output, "echo.py")).toEqual([{ line: 5, column: 1, severity: "error", message: "SyntaxError: expected ':'" }]);
  });

  it("finds nothing in output about other files", () => {
    expect(parseCompilerDiagnostics("main.c:1:1: error: boom", "echo.c")).toEqual([]);
  });
});
