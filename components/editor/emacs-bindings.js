// monaco-emacs from its ES module sources: its published CommonJS build require()s "monaco-editor",
// which resolves to Monaco's AMD build, a second Monaco that fails in the browser ("toUrl is not a
// function"). The sources import the one bundled ESM Monaco. Plain JavaScript, so that TypeScript
// reads the types from emacs-bindings.d.ts instead of checking the library's sources.
export { EmacsExtension } from "monaco-emacs/src/index";
