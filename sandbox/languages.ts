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
  /** The command of one run, in /box/out. */
  run: string[];
  /** Threads the runtime starts by itself in a single-threaded program (Go: its scheduler, collector and system-call threads). */
  runtimeThreads: number;
  /** Descriptors the runtime may open by itself, lazily (Go: its netpoller's epoll descriptor and pipe, opened by the first timer). */
  runtimeDescriptors: number;
}

const gcc = (compiler: string, flags: string) => `mkdir -p /box/out && ${compiler} ${flags} -Wall -pthread -o /box/out/prog`;

export const TOOLCHAINS: Record<Language, LanguageToolchain> = {
  c: {
    image: "c",
    build: {
      standard: `${gcc("gcc", "-O2 -std=gnu17")} *.c -lm`,
      race: `${gcc("gcc", "-O1 -g -fsanitize=thread -std=gnu17")} *.c -lm`,
    },
    run: ["/box/out/prog"],
    runtimeThreads: 1,
    runtimeDescriptors: 0,
  },
  cpp: {
    image: "cpp",
    build: {
      standard: `${gcc("g++", "-O2 -std=gnu++20")} *.cpp -lm`,
      race: `${gcc("g++", "-O1 -g -fsanitize=thread -std=gnu++20")} *.cpp -lm`,
    },
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

export function hasRaceDetector(language: Language): boolean {
  return TOOLCHAINS[language].build.race !== undefined;
}
