// A link exercise's own scenario for Run, as its statement's Input section describes one: whole
// numbers in a fixed order, after an optional first line with one word (the examples' `run-1`, whose
// place the run's own token takes). The exercise checks the numbers' ranges itself.

const INT_MAX = 2 ** 31 - 1;
const COUNT_WORDS = ["none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

/** The scenario's numbers, `fields` of them (their names, space-separated, as the statement writes them), or what is wrong. */
export function scenarioNumbers(input: string, fields: string): { ok: true; numbers: number[] } | { ok: false; message: string } {
  const wanted = fields.split(" ").length;
  const lines = input
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "");
  if (lines.length > 1 && /^\S+$/.test(lines[0]!) && !/^-?\d+$/.test(lines[0]!)) lines.shift();
  const words = lines
    .join(" ")
    .split(/\s+/)
    .filter((word) => word !== "");
  if (words.length !== wanted)
    return { ok: false, message: `it needs ${COUNT_WORDS[wanted] ?? wanted} numbers (${fields}); it has ${words.length === 0 ? "none" : words.length}.` };
  const bad = words.find((word) => !/^\d+$/.test(word) || Number(word) > INT_MAX);
  if (bad !== undefined) return { ok: false, message: `"${bad.slice(0, 40)}" is not a whole number from 0 to ${INT_MAX.toLocaleString("en-US")}.` };
  return { ok: true, numbers: words.map(Number) };
}
