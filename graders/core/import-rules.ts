// An exercise may forbid modules that would do its point for the user (Go's net package runs an event
// loop; so does Python's asyncio). Checked in the source before building: a rule that catches honest
// shortcuts and says why, not a sandbox boundary (Python can still import by name at run time).
import type { Language } from "@/lib/exercises/manifest";

export interface ImportRule {
  /** Forbidden modules; a module forbids its submodules too ("net" forbids "net/http"). */
  modules: string[];
  /** Why, in the user's terms, and what to use instead. */
  why: string;
}

export interface ForbiddenImport {
  module: string;
  /** 1-based line of the import. */
  line: number;
}

/** The code without comments, same length and lines, so positions still point into the original. */
function blankComments(code: string, language: Language): string {
  const pattern = language === "python" ? /#[^\n]*/g : /\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  return code.replace(pattern, (comment) => comment.replace(/[^\n]/g, " "));
}

/** The modules `code` imports, with the line of each import. */
export function importsOf(code: string, language: Language): ForbiddenImport[] {
  const source = blankComments(code, language);
  const found: ForbiddenImport[] = [];
  const lineAt = (index: number) => source.slice(0, index).split("\n").length;
  if (language === "go") {
    // import "x" | import alias "x" | import ( "x"; alias "y" )
    for (const single of source.matchAll(/\bimport\s+(?:[\w.]+\s+)?"([^"]+)"/g)) found.push({ module: single[1]!, line: lineAt(single.index) });
    for (const block of source.matchAll(/\bimport\s*\(([^)]*)\)/g)) {
      const start = block.index + block[0].indexOf("(") + 1;
      for (const spec of block[1]!.matchAll(/(?:[\w.]+\s+)?"([^"]+)"/g)) found.push({ module: spec[1]!, line: lineAt(start + spec.index) });
    }
  } else if (language === "python") {
    // import a, b.c as d | from a.b import c
    for (const statement of source.matchAll(/^[ \t]*(?:import\s+([\w.]+(?:\s+as\s+\w+)?(?:\s*,\s*[\w.]+(?:\s+as\s+\w+)?)*)|from\s+([\w.]+)\s+import\b)/gm)) {
      const modules = statement[2] ? [statement[2]] : statement[1]!.split(",").map((part) => part.trim().split(/\s+/)[0]!);
      for (const module of modules) found.push({ module, line: lineAt(statement.index + statement[0].search(/\S/)) });
    }
  }
  return found;
}

/** The first import of `code` the rule forbids, or null. */
export function forbiddenImport(code: string, language: Language, rule: ImportRule): ForbiddenImport | null {
  const separator = language === "go" ? "/" : ".";
  const forbidden = (module: string) => rule.modules.some((banned) => module === banned || module.startsWith(banned + separator));
  return importsOf(code, language).find((found) => forbidden(found.module)) ?? null;
}
