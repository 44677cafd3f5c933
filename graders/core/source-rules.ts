// What a submission's source may not contain, checked before it is built: modules that would do an
// exercise's point for the user (Go's net package runs an event loop; Python's queue.Queue is a
// blocking buffer), and in link exercises, where the user's code shares a process with the trusted
// harness, the ways to reach the harness's state or its report (unsafe, reflect, os and syscall in
// Go; introspection in Python). The refusal is a compile error on the offending line saying why.
// Comments never count; Go's string literals never count; Python's do (an f-string runs code, and a
// name spelled in a string is how getattr reaches it), so a forbidden name in Python text is refused.
import type { Language } from "@/contracts/languages";

export interface SourceRule {
  /** Forbidden modules; a module forbids its submodules too ("net" forbids "net/http"). */
  modules?: string[];
  /** Identifiers or keywords refused wherever they stand (Go's `chan`, Python's `__import__`). */
  names?: string[];
  /** Python: attributes and names spelled `__x__` are refused unless listed here. */
  allowedDunders?: string[];
  /** Go: compiler directives refused (`//go:linkname`), matched at the start of a comment line. */
  directives?: string[];
  /** Go: the package clause the user's file must have ("buffer"). */
  packageName?: string;
  /**
   * Python: `names` count in code only, not in plain string literals (a docstring may say "input");
   * f-strings still count, since they run code. Leave it off where a name in a string can be reached
   * by name (getattr is refused, but the link rules leave nothing to chance).
   */
  codeOnly?: boolean;
  /** Why, in the user's terms, and what to use instead. */
  why: string;
}

export interface SourceRefusal {
  /** 1-based line. */
  line: number;
  /** What was found, for the message: `"net" is not allowed`… */
  what: string;
  why: string;
}

/**
 * The code with comments blanked, and string literals too: in Go unless `keepStrings`; in Python only
 * with `pythonStrings` (plain literals; f-strings run code and stay). The same length and lines, so
 * positions still point into the original.
 */
export function blankNonCode(code: string, language: Language, keepStrings = false, pythonStrings = false): string {
  const out = code.split("");
  const blank = (from: number, to: number) => {
    for (let i = from; i < to && i < out.length; i++) if (out[i] !== "\n") out[i] = " ";
  };
  let i = 0;
  if (language === "python") {
    while (i < code.length) {
      const c = code[i]!;
      if (c === "#") {
        const end = code.indexOf("\n", i);
        blank(i, end === -1 ? code.length : end);
        i = end === -1 ? code.length : end;
      } else if (c === '"' || c === "'") {
        // Skipped, and blanked only when asked and not an f-string (see the header).
        const prefix = /[A-Za-z]{0,2}$/.exec(code.slice(Math.max(0, i - 2), i))![0];
        const formatted = /f/i.test(prefix) && !/\w/.test(code[i - prefix.length - 1] ?? "");
        const triple = code.startsWith(c.repeat(3), i);
        const quote = triple ? c.repeat(3) : c;
        const start = i + quote.length;
        i = start;
        while (i < code.length && !code.startsWith(quote, i) && (triple || code[i] !== "\n")) i += code[i] === "\\" ? 2 : 1;
        if (pythonStrings && !formatted) blank(start, i);
        i += quote.length;
      } else i++;
    }
    return out.join("");
  }
  // Go, C and the like: // and /* */ comments, "…" and '…' with escapes, `…` raw.
  while (i < code.length) {
    if (code.startsWith("//", i)) {
      const end = code.indexOf("\n", i);
      blank(i, end === -1 ? code.length : end);
      i = end === -1 ? code.length : end;
    } else if (code.startsWith("/*", i)) {
      const end = code.indexOf("*/", i + 2);
      const stop = end === -1 ? code.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (code[i] === '"' || code[i] === "'" || code[i] === "`") {
      const quote = code[i]!;
      let j = i + 1;
      while (j < code.length && code[j] !== quote && (quote === "`" || code[j] !== "\n")) j += quote !== "`" && code[j] === "\\" ? 2 : 1;
      if (!keepStrings) blank(i + 1, j);
      i = j + 1;
    } else i++;
  }
  return out.join("");
}

export interface ImportFound {
  module: string;
  /** 1-based line of the import. */
  line: number;
}

const lineAt = (source: string, index: number) => source.slice(0, index).split("\n").length;

/** The modules `code` imports, with the line of each import. */
export function importsOf(code: string, language: Language): ImportFound[] {
  const found: ImportFound[] = [];
  if (language === "go") {
    // The import paths are strings: comments only are blanked.
    const source = blankNonCode(code, "go", true);
    // import "x" | import alias "x" | import ( "x"; alias "y" )
    for (const single of source.matchAll(/\bimport\s+(?:[\w.]+\s+)?"([^"]+)"/g)) found.push({ module: single[1]!, line: lineAt(source, single.index) });
    for (const block of source.matchAll(/\bimport\s*\(([^)]*)\)/g)) {
      const start = block.index + block[0].indexOf("(") + 1;
      for (const spec of block[1]!.matchAll(/(?:[\w.]+\s+)?"([^"]+)"/g)) found.push({ module: spec[1]!, line: lineAt(source, start + spec.index) });
    }
  } else if (language === "python") {
    const source = blankNonCode(code, "python");
    // import a, b.c as d | from a.b import c
    for (const statement of source.matchAll(/^[ \t]*(?:import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)|from\s+([\w.]+)\s+import\b)/gm)) {
      const modules = statement[2] ? [statement[2]] : statement[1]!.split(",").map((part) => part.trim().split(/\s+/)[0]!);
      for (const module of modules) found.push({ module, line: lineAt(source, statement.index + statement[0].search(/\S/)) });
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** The first thing in `code` that one of `rules` refuses, or null. */
export function refusal(code: string, language: Language, rules: SourceRule[]): SourceRefusal | null {
  const found: SourceRefusal[] = [];
  const separator = language === "go" ? "/" : ".";
  const imports = importsOf(code, language);
  const source = blankNonCode(code, language);
  const codeOnly = blankNonCode(code, language, false, true);
  for (const rule of rules) {
    for (const banned of rule.modules ?? []) {
      const hit = imports.find((imported) => imported.module === banned || imported.module.startsWith(banned + separator));
      if (hit) found.push({ line: hit.line, what: `"${hit.module}" is not allowed in this exercise`, why: rule.why });
    }
    for (const name of rule.names ?? []) {
      const text = rule.codeOnly ? codeOnly : source;
      const hit = new RegExp(`(?<![\\w.])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?!\\w)|(?<=\\.)${name}(?!\\w)`).exec(text);
      if (hit) found.push({ line: lineAt(text, hit.index), what: `"${name}" is not allowed in this exercise`, why: rule.why });
    }
    if (rule.allowedDunders) {
      const allowed = new Set(rule.allowedDunders);
      for (const dunder of source.matchAll(/(?<!\w)__\w+__(?!\w)/g)) {
        if (!allowed.has(dunder[0])) {
          found.push({ line: lineAt(source, dunder.index), what: `"${dunder[0]}" is not allowed in this exercise`, why: rule.why });
          break;
        }
      }
    }
    for (const directive of rule.directives ?? []) {
      const hit = new RegExp(`^[ \\t]*//${directive.replace(/^\/\//, "")}`, "m").exec(code);
      if (hit)
        found.push({ line: lineAt(code, hit.index), what: `the directive //${directive.replace(/^\/\//, "")} is not allowed in this exercise`, why: rule.why });
    }
    if (rule.packageName !== undefined) {
      const clause = /^[ \t]*package[ \t]+(\w+)/m.exec(source);
      if (clause?.[1] !== rule.packageName) {
        found.push({ line: clause ? lineAt(source, clause.index) : 1, what: `your file must begin with "package ${rule.packageName}"`, why: rule.why });
      }
    }
  }
  return found.sort((a, b) => a.line - b.line)[0] ?? null;
}

/** A refusal as the compiler error the user sees, on its line of `file`. */
export function refusalMessage(file: string, refused: SourceRefusal): string {
  return `${file}:${refused.line}:1: error: ${refused.what}: ${refused.why}`;
}
