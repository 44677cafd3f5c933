export { EmacsExtension } from "monaco-emacs";
