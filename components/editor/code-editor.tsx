"use client";
// The code editor: Monaco with the exercise's language, dark or light with the system, and markers
// for compile errors. Loaded only in the browser (see code-editor-loader.tsx).
// Monaco owns the text: one model per file (`path`), started from `defaultValue`; what the user types
// is reported through onChange and never written back. The page replaces a model's text only on
// purpose (a loaded draft, the starter, an old submission), by a new `replacement` revision. A
// controlled `value` re-applied on every render lost keystrokes typed while the page caught up.
import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import type * as Monaco from "monaco-editor";
import { DEFAULT_EDITOR_SETTINGS, type EditorSettings } from "@/components/editor/editor-settings";
import { configureMonaco } from "@/components/editor/monaco-setup";
import { useSystemDark } from "@/components/use-system-dark";

configureMonaco();

export interface EditorMarker {
  line: number;
  column: number;
  message: string;
  severity: "error" | "warning";
}

const MONACO_LANGUAGES: Record<string, string> = { c: "c", cpp: "cpp", go: "go", python: "python" };

export interface CodeEditorProps {
  /** The file's identity (file:///…): its model, text and undo history are kept while another file is shown. */
  path: string;
  /** The text the file's model starts with, the first time it is shown. */
  defaultValue: string;
  /** Replaces the model's text, once per revision, as one undoable edit; onChange is not called for it. */
  replacement?: { text: string; revision: number };
  language: string;
  readOnly?: boolean;
  markers?: EditorMarker[];
  onChange?: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  /** Ctrl/Cmd+'. */
  onRun?: () => void;
  ariaLabel: string;
  /** Font size, tab width, word wrap and key bindings (vim, emacs). */
  settings?: EditorSettings;
}

export default function CodeEditor(props: CodeEditorProps) {
  const dark = useSystemDark();
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const handlers = useRef({ onSubmit: props.onSubmit, onRun: props.onRun });
  handlers.current = { onSubmit: props.onSubmit, onRun: props.onRun };
  /** The last replacement revision applied, per path. */
  const applied = useRef(new Map<string, number>());
  /** True while a replacement is written: the model's change event is not the user's. */
  const replacing = useRef(false);
  const [length, setLength] = useState(props.defaultValue.length);
  const settings = props.settings ?? DEFAULT_EDITOR_SETTINGS;
  const [mounted, setMounted] = useState(false);
  /** Where vim shows its mode and pending keys. */
  const statusRef = useRef<HTMLDivElement>(null);

  // Vim or emacs key bindings (kept libraries), loaded only when chosen and removed when changed.
  useEffect(() => {
    const editor = editorRef.current;
    if (!mounted || !editor || settings.keyBindings === "standard") return;
    let cancelled = false;
    let dispose: (() => void) | undefined;
    void (async () => {
      if (settings.keyBindings === "vim") {
        const { initVimMode } = await import("monaco-vim");
        if (cancelled) return;
        const vim = initVimMode(editor, statusRef.current);
        dispose = () => vim.dispose();
      } else {
        const { EmacsExtension } = await import("@/components/editor/emacs-bindings");
        if (cancelled) return;
        const emacs = new EmacsExtension(editor);
        emacs.start();
        dispose = () => emacs.dispose();
      }
    })();
    return () => {
      cancelled = true;
      dispose?.();
      if (statusRef.current) statusRef.current.textContent = "";
    };
  }, [mounted, settings.keyBindings]);

  // Tab width belongs to each model; the editor's own option covers models opened later.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again once mounted and for each model (path) the editor opens
  useEffect(() => {
    editorRef.current?.getModel()?.updateOptions({ tabSize: settings.tabSize, indentSize: settings.tabSize });
  }, [mounted, settings.tabSize, props.path]);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    setMounted(true);
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onSubmit?.());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Quote, () => handlers.current.onRun?.());
    applyReplacement();
    applyMarkers();
  };

  function applyReplacement() {
    const editor = editorRef.current;
    const model = editor?.getModel();
    const replacement = props.replacement;
    if (!editor || !model) return;
    setLength(model.getValueLength());
    if (!replacement || (applied.current.get(props.path) ?? 0) >= replacement.revision) return;
    applied.current.set(props.path, replacement.revision);
    if (model.getValue() === replacement.text) return;
    replacing.current = true;
    try {
      editor.pushUndoStop();
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: replacement.text }], () => null);
      editor.pushUndoStop();
    } finally {
      replacing.current = false;
    }
    setLength(model.getValueLength());
  }
  // After Editor's own effects: by now it shows the model of `path`.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a replacement applies once per revision (or file), not on each render
  useEffect(applyReplacement, [props.path, props.replacement?.revision]);

  function applyMarkers() {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    const model = editor?.getModel();
    if (!monaco || !model) return;
    monaco.editor.setModelMarkers(
      model,
      "osprep",
      (props.markers ?? []).map((marker) => ({
        startLineNumber: marker.line,
        startColumn: marker.column,
        endLineNumber: marker.line,
        endColumn: model.getLineMaxColumn(Math.min(marker.line, model.getLineCount())),
        message: marker.message,
        severity: marker.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
      })),
    );
  }
  useEffect(applyMarkers, [props.markers]);

  return (
    // data-length: how much text the editor holds, for tests to know a paste has landed.
    // biome-ignore lint/a11y/useSemanticElements: a labelled region around the editor, not a form section
    <div
      className="flex h-full min-h-80 flex-col"
      data-testid="code-editor"
      data-length={length}
      data-key-bindings={settings.keyBindings}
      role="group"
      aria-label={props.ariaLabel}
    >
      <div className="min-h-0 flex-1">
        <Editor
          path={props.path}
          defaultValue={props.defaultValue}
          language={MONACO_LANGUAGES[props.language] ?? "plaintext"}
          theme={dark ? "vs-dark" : "vs"}
          onMount={onMount}
          onChange={(value) => {
            setLength(value?.length ?? 0);
            if (!replacing.current) props.onChange?.(value ?? "");
          }}
          options={{
            readOnly: props.readOnly,
            minimap: { enabled: false },
            fontSize: settings.fontSize,
            tabSize: settings.tabSize,
            detectIndentation: false,
            wordWrap: settings.wordWrap ? "on" : "off",
            scrollBeyondLastLine: false,
            automaticLayout: true,
            ariaLabel: props.ariaLabel,
          }}
          loading={<p className="p-4 text-sm text-muted-foreground">Loading the editor…</p>}
        />
      </div>
      <div ref={statusRef} data-testid="editor-status" className={settings.keyBindings === "vim" ? "border-t px-2 py-0.5 font-mono text-xs" : "hidden"} />
    </div>
  );
}
