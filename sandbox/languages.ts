// How each language is built and run inside its image: the build leaves the program in /box/out,
// which runs execute read-only.
import type { Language } from "@/contracts/languages";
import type { BuildVariant } from "@/contracts/programs";

export interface LanguageToolchain {
  /** Folder under sandbox/images/. */
  image: Language;
  /** Shell scripts run in /box/src that leave what runs in /box/out; `race` only where a detector exists. */
  build: { standard: string; race?: string };
  /** What the build does, in the words progress shows: compiling and linking, or (Python) checking the syntax. */
  buildStep: "building" | "checking";
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
    buildStep: "building",
    build: { standard: link("gcc", C_FLAGS.standard, ".c"), race: link("gcc", C_FLAGS.race, ".c") },
    objects: { extension: ".c", compile: { standard: compileOnly("gcc", C_FLAGS.standard), race: compileOnly("gcc", C_FLAGS.race) } },
    run: ["/box/out/prog"],
    runtimeThreads: 1,
    runtimeDescriptors: 0,
  },
  cpp: {
    image: "cpp",
    buildStep: "building",
    build: { standard: link("g++", CPP_FLAGS.standard, ".cpp"), race: link("g++", CPP_FLAGS.race, ".cpp") },
    objects: { extension: ".cpp", compile: { standard: compileOnly("g++", CPP_FLAGS.standard), race: compileOnly("g++", CPP_FLAGS.race) } },
    run: ["/box/out/prog"],
    runtimeThreads: 1,
    runtimeDescriptors: 0,
  },
  go: {
    image: "go",
    buildStep: "building",
    // Command-line files, no module: the standard library only, as the exercises promise. The race
    // detector needs cgo; its standard library is prebuilt in the image.
    build: {
      // -s -w: no symbol table or DWARF in the binary (stack traces keep their names): a faster link.
      standard: "mkdir -p /box/out && CGO_ENABLED=0 go build -ldflags='-s -w' -o /box/out/prog *.go",
      race: "mkdir -p /box/out && CGO_ENABLED=1 go build -race -o /box/out/prog *.go",
    },
    run: ["/box/out/prog"],
    runtimeThreads: 16,
    runtimeDescriptors: 3,
  },
  python: {
    image: "python",
    buildStep: "checking",
    // "Compiling" checks the syntax of every file, so a syntax error is a compile error.
    build: { standard: "mkdir -p /box/out && python3 -m py_compile *.py && rm -rf __pycache__ && cp *.py /box/out/" },
    run: ["python3", "-E", "-s", "/box/out/main.py"],
    runtimeThreads: 1,
    runtimeDescriptors: 0,
  },
};

/**
 * The build script for `variant`; languages without a race detector build as standard. `userFiles`
 * (a link exercise: the exercise's harness owns `main` and calls the user's code) builds the user's
 * files apart from the exercise's: C and C++ compile them to objects that must carry no code that
 * runs outside the harness's calls (see linkedObjectCheck); Go makes them a package of their own,
 * named after the file (buffer.go: package buffer, imported by the harness as "osprep/buffer").
 */
export function buildScript(language: Language, variant: BuildVariant = "standard", userFiles?: string[]): string {
  const { build } = TOOLCHAINS[language];
  const script = (variant === "race" ? build.race : undefined) ?? build.standard;
  if (!userFiles?.length) return script;
  if (language === "c" || language === "cpp") return linkedNativeBuild(language, variant, userFiles);
  if (language === "go") return linkedGoBuild(variant, userFiles);
  return script;
}

const quoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

/** C, C++: the user's files to checked objects (.user-<name>.o), then the link of everything. */
function linkedNativeBuild(language: "c" | "cpp", variant: BuildVariant, userFiles: string[]): string {
  const { objects } = TOOLCHAINS[language];
  const compile = (variant === "race" ? objects!.compile.race : undefined) ?? objects!.compile.standard;
  const linkFlags = compile.replace(/ -c$/, "");
  const object = (file: string) => quoted(`.user-${file}.o`);
  const others = `$(ls *${objects!.extension} 2>/dev/null | grep -vxF ${userFiles.map((file) => `-e ${quoted(file)}`).join(" ")})`;
  return [
    "mkdir -p /box/out",
    ...userFiles.map((file) => `${compile} ${quoted(file)} -o ${object(file)}`),
    linkedObjectCheck(
      language,
      variant,
      userFiles.map((file) => [`.user-${file}.o`, file] as const),
    ),
    `${linkFlags} -o /box/out/prog ${others} ${userFiles.map(object).join(" ")} $(ls *.o 2>/dev/null) -lm`,
  ].join(" && ");
}

/** Go: the user's files become package <name> in ./<name>/ of module "osprep"; the harness (package main) imports it. */
function linkedGoBuild(variant: BuildVariant, userFiles: string[]): string {
  const packageDir = userFiles[0]!.replace(/\.go$/, "");
  const build = variant === "race" ? "CGO_ENABLED=1 go build -race" : "CGO_ENABLED=0 go build -ldflags='-s -w'";
  return [
    `mkdir -p /box/out ${quoted(packageDir)}`,
    `mv ${userFiles.map(quoted).join(" ")} ${quoted(packageDir)}/`,
    "printf 'module osprep\\n\\ngo 1.19\\n' > go.mod",
    `GO111MODULE=on GOPROXY=off ${build} -o /box/out/prog .`,
  ].join(" && ");
}

/**
 * A shell step that refuses user objects with code that would run outside the harness's calls to its
 * API, read from the compiled objects (not from the source): constructors, destructors and init
 * arrays (any section of type INIT_ARRAY, FINI_ARRAY or PREINIT_ARRAY, or named .init, .fini,
 * .init_array*, .fini_array*, .preinit_array*, .ctors*, .dtors*), indirect functions (an ifunc's
 * resolver runs while the program is loaded), and definitions of a symbol the C library (or the C++
 * runtime, or ThreadSanitizer's) exports, which the harness would call instead of the library's (its
 * dup, malloc or pthread_create, say), and calls to the harness's report (report_*, report.h).
 * ThreadSanitizer's own constructor is the one allowed: one entry in .init_array.00099 of a race
 * build. Each refusal is one "file: error: …" line.
 */
export function linkedObjectCheck(language: "c" | "cpp", variant: BuildVariant, objects: (readonly [object: string, source: string])[]): string {
  const libraries = [
    "libc.so.6",
    "libm.so.6",
    ...(language === "cpp" ? ["libstdc++.so.6", "libgcc_s.so.1"] : []),
    ...(variant === "race" ? ["libtsan.so"] : []),
  ];
  const compiler = language === "c" ? "gcc" : "g++";
  const exported = `$(for lib in ${libraries.join(" ")}; do nm -D --defined-only "$(${compiler} -print-file-name=$lib)" 2>/dev/null; done | awk '{print $NF}' | sed 's/@.*//' | sort -u)`;
  const checks = objects.map(([object, source]) => `osprep_check ${quoted(object)} ${quoted(source)} || refused=1`);
  return `{ exported=${exported}; refused=0; osprep_check() {${OBJECT_CHECK.replace("RACE", variant === "race" ? "1" : "0")}}; ${checks.join("; ")}; [ "$refused" = 0 ]; }`;
}

/** The body of osprep_check <object> <source>: sections, then symbols (see linkedObjectCheck). */
const OBJECT_CHECK = String.raw`
  readelf -SW "$1" | awk -v src="$2" -v race=RACE '
    /^ *\[ *[0-9]+\]/ { sub(/^ *\[ *[0-9]+\] */, ""); name = $1; type = $2; size = $5
      if (race && name == ".init_array.00099" && size == "000008") next
      if (type ~ /^(INIT_ARRAY|FINI_ARRAY|PREINIT_ARRAY)$/ || name ~ /^\.(init|fini)$/ || name ~ /^\.(init_array|fini_array|preinit_array|ctors|dtors)(\..*)?$/) {
        printf "%s: error: your code has a constructor, destructor or init array (section %s): code that runs before main or after it, outside the harness\047s calls. In this exercise the harness calls your code only through its API.\n", src, name; bad = 1 } }
    END { exit bad }' || return 1
  readelf -sW "$1" | awk -v src="$2" -v exported="$exported" '
    BEGIN { n = split(exported, names, "\n"); for (i = 1; i <= n; i++) lib[names[i]] = 1 }
    $1 ~ /^[0-9]+:$/ && $7 != "UND" && ($5 == "GLOBAL" || $5 == "WEAK" || $5 == "UNIQUE") {
      symbol = $8; sub(/@.*/, "", symbol)
      if ($4 == "IFUNC") { printf "%s: error: %s is an indirect function (ifunc): its resolver runs while the program is loaded, before the harness. Write an ordinary function.\n", src, symbol; bad = 1 }
      else if (symbol in lib) { printf "%s: error: your code defines %s, which the C library (or the runtime) provides: the harness, and whatever else is linked with your code, would call yours instead. Rename it or make it static.\n", src, symbol; bad = 1 } }
    $1 ~ /^[0-9]+:$/ && $7 == "UND" && $8 ~ /^report_/ {
      symbol = $8; sub(/@.*/, "", symbol)
      printf "%s: error: your code calls %s, which is the harness\047s report (report.h): only the harness reports.\n", src, symbol; bad = 1 }
    END { exit bad }'
`;

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
