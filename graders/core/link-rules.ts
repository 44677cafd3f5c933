// In a link exercise the user's code runs in the trusted harness's own process, so the language's
// ways to reach the harness's memory, its report descriptor or the loader are refused in the source
// (C and C++ are checked on the compiled object instead: see sandbox/languages.ts). These rules make
// forging the harness's report deliberate work, not a shortcut; the grader's other checks (the nonce,
// figures recomputed from the scenario, a CPU floor against the reference) stand behind them.
import type { SourceRule } from "@/graders/core/source-rules";
import type { Language } from "@/contracts/languages";

const GO_WHY =
  "in this exercise your package is called by the harness in its own process, and may not reach memory, files or descriptors outside its own variables (fmt.Println and log still print to standard error).";

const PYTHON_WHY =
  "in this exercise your module is called by the harness in its own process, and may not inspect or replace the harness, reach files or descriptors, or import by name (print() still goes to standard error).";

/** Dunder names a class of one's own uses: special methods, `__name__`, `__class__`, `__slots__`. */
const PYTHON_DUNDERS = [
  "__init__",
  "__repr__",
  "__str__",
  "__len__",
  "__bool__",
  "__iter__",
  "__next__",
  "__enter__",
  "__exit__",
  "__eq__",
  "__ne__",
  "__lt__",
  "__le__",
  "__gt__",
  "__ge__",
  "__hash__",
  "__contains__",
  "__getitem__",
  "__setitem__",
  "__delitem__",
  "__call__",
  "__del__",
  "__post_init__",
  "__slots__",
  "__name__",
  "__main__",
  "__class__",
  "__doc__",
  "__all__",
  "__future__",
  "__version__",
];

/** What the user's files of a link exercise may not contain, in `language`; `userFile` names Go's package. */
export function linkSourceRules(language: Language, userFile: string): SourceRule[] {
  if (language === "go") {
    return [
      {
        packageName: userFile.replace(/\.go$/, ""),
        why: `in this exercise your code is a package of its own, named after its file, which the harness imports.`,
      },
      {
        // unsafe, reflect and linkname reach any memory; os, syscall and ioutil any descriptor (the
        // harness's report among them); cgo runs C before main; the rest open files or processes.
        modules: [
          "unsafe",
          "reflect",
          "C",
          "syscall",
          "os",
          "io/ioutil",
          "runtime/debug",
          "runtime/pprof",
          "runtime/trace",
          "runtime/cgo",
          "plugin",
          "net",
          "log/syslog",
          "debug",
          "internal",
          "embed",
        ],
        directives: ["go:linkname", "go:cgo_", "export "],
        why: GO_WHY,
      },
    ];
  }
  if (language === "python") {
    return [
      {
        modules: [
          "os",
          "sys",
          "gc",
          "inspect",
          "ctypes",
          "importlib",
          "builtins",
          "types",
          "traceback",
          "signal",
          "subprocess",
          "socket",
          "mmap",
          "pickle",
          "marshal",
          "code",
          "codeop",
          "runpy",
          "io",
          "_io",
          "posix",
          "_thread",
          "faulthandler",
          "tracemalloc",
          "resource",
          "atexit",
          "pty",
          "fcntl",
          "pdb",
          "bdb",
          "dis",
          "operator",
          "pathlib",
          "shutil",
          "tempfile",
          "fileinput",
          // The harness's report, shared by every link exercise.
          "osprep_report",
        ],
        names: [
          "__import__",
          "__builtins__",
          "globals",
          "locals",
          "vars",
          "getattr",
          "setattr",
          "delattr",
          "eval",
          "exec",
          "compile",
          "open",
          "breakpoint",
          "_getframe",
          "settrace",
          "setprofile",
          "f_globals",
          "f_locals",
          "f_back",
          "f_builtins",
          "f_code",
          "tb_frame",
          "gi_frame",
          "cr_frame",
          "ag_frame",
          "_current_frames",
          "_sys",
          "_os",
        ],
        allowedDunders: PYTHON_DUNDERS,
        why: PYTHON_WHY,
      },
    ];
  }
  return [];
}
