// Race detectors' reports (ThreadSanitizer, Go's -race) cut down to what a person needs: the kind
// of race, the accesses, and only the stack frames in the user's own file.

/** Both detectors exit with this status when they found a race (TSan's exitcode, Go's race exit). */
export const RACE_EXIT_STATUS = 66;

const HEADERS = [/WARNING: ThreadSanitizer: (.+?) \(pid/, /WARNING: (DATA RACE)/];

/** Whether stderr holds a race detector's report. */
export function hasRaceReport(stderr: string): boolean {
  return HEADERS.some((header) => header.test(stderr));
}

/**
 * The first report in `stderr`, keeping its headline, the lines that say what happened ("Read of
 * size 8 … by thread T2:", "Previous write …", "Goroutine 7 (running) created at:") and the frames
 * that point into `userFile`; the harness's, the runtime's and libc's frames are dropped.
 */
export function trimRaceReport(stderr: string, userFile: string, maxLines = 30): string {
  const lines = stderr.split("\n");
  const start = lines.findIndex((line) => HEADERS.some((header) => header.test(line)));
  if (start < 0) return "";
  const kept: string[] = [];
  for (let i = start; i < lines.length && kept.length < maxLines; i++) {
    const line = lines[i]!;
    if (i > start && /^={10,}/.test(line)) break;
    const trimmed = line.trim();
    if (trimmed === "") continue;
    if (i === start) {
      kept.push(trimmed);
      continue;
    }
    // TSan frame: "#0 work /box/src/buffer.c:14 (prog+0x11bf)"; Go frame: "main.put()" then "/box/src/buffer.go:14 +0x44".
    if (/^#\d+ /.test(trimmed)) {
      if (trimmed.includes(userFile)) kept.push(`    ${trimmed.replace(/ \((?:prog|lib[^)]*)\+0x[0-9a-f]+\)$/, "").replace("/box/src/", "")}`);
      continue;
    }
    if (/^\/\S+:\d+/.test(trimmed)) {
      if (trimmed.includes(userFile)) kept.push(`    ${lines[i - 1]!.trim()} at ${trimmed.replace(/ \+0x[0-9a-f]+$/, "").replace("/box/src/", "")}`);
      continue;
    }
    if (/^[\w./*()[\]-]+\(.*\)$/.test(trimmed) && /^\/\S+:\d+/.test(lines[i + 1]?.trim() ?? "")) continue; // Go function line, handled with its file line
    if (/^(SUMMARY|ThreadSanitizer: reported|Found \d+ data race)/.test(trimmed)) continue;
    kept.push(trimmed);
  }
  // A headline over nothing (all frames elsewhere) still says what was found.
  return kept.filter((line, index) => index === 0 || !/:$/.test(line) || kept[index + 1]?.startsWith("    ")).join("\n");
}
