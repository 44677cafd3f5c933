// How each language is built and run inside its image: the build leaves the program in /box/out,
// which runs execute read-only.
import type { Language } from "@/lib/exercises/manifest";

export interface LanguageToolchain {
  /** Folder under sandbox/images/. */
  image: Language;
  /** A shell script run in /box/src; must leave what runs in /box/out. Receives the source file names. */
  build: (files: string[]) => string;
  /** The command of one run, in /box/out. */
  run: string[];
}

export const TOOLCHAINS: Record<Language, LanguageToolchain> = {
  c: {
    image: "c",
    build: () => ("mkdir -p /box/out && gcc -O2 -std=gnu17 -Wall -pthread -o /box/out/prog *.c -lm"),
    run: ["/box/out/prog"],
  },
  cpp: {
    image: "cpp",
    build: () => ("mkdir -p /box/out && g++ -O2 -std=gnu++20 -Wall -pthread -o /box/out/prog *.cpp -lm"),
    run: ["/box/out/prog"],
  },
  go: {
    image: "go",
    // Command-line files, no module: the standard library only, as the exercises promise.
    build: () => ("mkdir -p /box/out && CGO_ENABLED=0 go build -o /box/out/prog *.go"),
    run: ["/box/out/prog"],
  },
  python: {
    image: "python",
    // "Compiling" checks the syntax of every file, so a syntax error is a compile error.
    build: () => ("mkdir -p /box/out && python3 -m py_compile *.py && rm -rf __pycache__ && cp *.py /box/out/"),
    run: ["python3", "-E", "-s", "/box/out/main.py"],
  },
};
