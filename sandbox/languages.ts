// How each language is built and run inside its image: the build leaves the program in /box/out,
// which runs execute read-only.
import type { Language } from "@/lib/exercises/manifest";

/** `race`: built under the language's race detector (ThreadSanitizer, Go's -race), where it has one. */
export type BuildVariant = "standard" | "race";

export interface LanguageToolchain {
  /** Folder under sandbox/images/. */
  image: Language;
  /** Shell scripts run in /box/src that leave what runs in /box/out; `race` only where a detector exists. */
  build: { standard: string; race?: string };
  /**
   * Compiling one source file to an object (C, C++): an exercise's own sources, the same in every
   * build, are compiled once this way and their objects linked into each build (see `build`, which
   * links every *.o it finds). `compile` ends with `-c`; the source and `-o` follow.
   */
  objects?: { extension: string; compile: { standard: string; race?: string } };
  /** The command of one run, in /box/out. */
  run: string[];
  /** Threads the runtime starts by itself in a single-threaded program (Go: its scheduler, collector and system-call threads). */
  runtimeThreads: number;
  /** Descriptors the runtime may open by itself, lazily (Go: its netpoller's epoll descriptor and pipe, opened by the first timer). */
  runtimeDescriptors: number;
}

const C_FLAGS = { standard: "-O2 -std=gnu17", race: "-O1 -g -fsanitize=thread -std=gnu17" };
const CPP_FLAGS = { standard: "-O2 -std=gnu++20", race: "-O1 -g -fsanitize=thread -std=gnu++20" };
/** Builds every source of `extension` with the objects made from the exercise's own sources, if any. */
const link = (compiler: string, flags: string, extension: string) =>
  `mkdir -p /box/out && ${compiler} ${flags} -Wall -pthread -o /box/out/prog *${extension} $(ls *.o 2>/dev/null) -lm`;
const compileOnly = (compiler: string, flags: string) => `${compiler} ${flags} -Wall -pthread -c`;

export const TOOLCHAINS: Record<Language, LanguageToolchain> = {
  c: {
    image: "c",
    build: { standard: link("gcc", C_FLAGS.standard, ".c"), race: link("gcc", C_FLAGS.race, ".c") },
    objects: { extension: ".c", compile: { standard: compileOnly("gcc", C_FLAGS.standard), race: compileOnly("gcc", C_FLAGS.race) } },
    run: ["/box/out/prog"],
    runtimeThreads: 1,
    runtimeDescriptors: 0,
  },
  cpp: {
    image: "cpp",
    build: { standard: link("g++", CPP_FLAGS.standard, ".cpp"), race: link("g++", CPP_FLAGS.race, ".cpp") },
    objects: { extension: ".cpp", compile: { standard: compileOnly("g++", CPP_FLAGS.standard), race: compileOnly("g++", CPP_FLAGS.race) } },
    run: ["/box/out/prog"],
    runtimeThreads: 1,
    runtimeDescriptors: 0,
  },
  go: {
    image: "go",
    // Command-line files, no module: the standard library only, as the exercises promise. The race
    // detector needs cgo; its standard library is prebuilt in the image.
    build: {
      standard: "mkdir -p /box/out && CGO_ENABLED=0 go build -o /box/out/prog *.go",
      race: "mkdir -p /box/out && CGO_ENABLED=1 go build -race -o /box/out/prog *.go",
    },
    run: ["/box/out/prog"],
    runtimeThreads: 16,
    runtimeDescriptors: 3,
  },
  python: {
    image: "python",
    // "Compiling" checks the syntax of every file, so a syntax error is a compile error.
    build: { standard: "mkdir -p /box/out && python3 -m py_compile *.py && rm -rf __pycache__ && cp *.py /box/out/" },
    run: ["python3", "-E", "-s", "/box/out/main.py"],
    runtimeThreads: 1,
    runtimeDescriptors: 0,
  },
};

/** The build script for `variant`; languages without a race detector build as standard. */
export function buildScript(language: Language, variant: BuildVariant = "standard"): string {
  const { build } = TOOLCHAINS[language];
  return (variant === "race" ? build.race : undefined) ?? build.standard;
}

/** The script that compiles `sources` (in /box/src) to objects in /box/out, each named after its source; null where the language has no objects. */
export function objectsScript(language: Language, variant: BuildVariant, sources: string[]): string | null {
  const { objects } = TOOLCHAINS[language];
  if (!objects) return null;
  const compile = (variant === "race" ? objects.compile.race : undefined) ?? objects.compile.standard;
  const objectName = (source: string) => `${source.slice(0, -objects.extension.length)}.o`;
  return ["mkdir -p /box/out", ...sources.map((source) => `${compile} '${source}' -o '/box/out/${objectName(source)}'`)].join(" && ");
}

export function hasRaceDetector(language: Language): boolean {
  return TOOLCHAINS[language].build.race !== undefined;
}
