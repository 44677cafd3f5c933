// Finds the lines a compiler complains about in the user's file, for markers in the editor.
export interface Diagnostic {
  line: number;
  column: number;
  severity: "error" | "warning";
  message: string;
}

/**
 * gcc/g++ (`echo.c:6:22: error: expected ';'`), Go (`./echo.go:7:2: declared and not used`) and
 * Python (`File "echo.py", line 5` … `SyntaxError: …`). Only diagnostics in `fileName` are kept.
 */
export function parseCompilerDiagnostics(output: string, fileName: string): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const escaped = fileName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const gccOrGo = new RegExp(`^(?:.*/)?${escaped}:(\\d+):(\\d+):\\s*(?:(fatal error|error|warning|note):\\s*)?(.*)$`);
  const lines = output.split("\n");
  for (const [index, text] of lines.entries()) {
    const match = gccOrGo.exec(text.trim());
    if (match) {
      const kind = match[3];
      if (kind === "note") continue;
      diagnostics.push({
        line: Number(match[1]),
        column: Number(match[2]),
        severity: kind === "warning" ? "warning" : "error",
        message: match[4]!.trim(),
      });
      continue;
    }
    const python = new RegExp(`File "(?:.*/)?${escaped}", line (\\d+)`).exec(text);
    if (python) {
      const error = lines.slice(index + 1).find((line) => /^\w+(Error|Exception)\b/.test(line));
      diagnostics.push({ line: Number(python[1]), column: 1, severity: "error", message: error?.trim() ?? "Error" });
    }
  }
  return diagnostics;
}
