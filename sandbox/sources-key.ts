// A key for a set of source files by content: the same files in any order give the same key, any
// change of a name or a byte gives another. Caches of what was compiled from them use it.
import { createHash } from "node:crypto";
import type { SourceFile } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";

export function sourcesKey(language: Language, files: SourceFile[]): string {
  const hash = createHash("sha256").update(language);
  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    hash.update(`\0${file.name}\0${Buffer.byteLength(file.content)}\0`).update(file.content);
  }
  return hash.digest("hex");
}
