"use client";
// The code editor: Monaco with the exercise's language, dark or light with the system, and markers
// for compile errors. Loaded only in the browser (see code-editor-loader.tsx).
import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef } from "react";
import type * as Monaco from "monaco-editor";
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
  value: string;
  language: string;
  readOnly?: boolean;
  markers?: EditorMarker[];
  onChange?: (value: string) => void;
  /** Ctrl/Cmd+Enter. */
  onSubmit?: () => void;
  /** Ctrl/Cmd+'. */
  onRun?: () => void;
  ariaLabel: string;
}

export default function CodeEditor(props: CodeEditorProps) {
  const dark = useSystemDark();
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const handlers = useRef({ onSubmit: props.onSubmit, onRun: props.onRun });
  handlers.current = { onSubmit: props.onSubmit, onRun: props.onRun };

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    monacoRef.current = monaco;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onSubmit?.());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Quote, () => handlers.current.onRun?.());
    applyMarkers();
  };

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
    <div className="h-full min-h-80" data-testid="code-editor" data-length={props.value.length} aria-label={props.ariaLabel}>
      <Editor
        value={props.value}
        language={MONACO_LANGUAGES[props.language] ?? "plaintext"}
        theme={dark ? "vs-dark" : "vs"}
        onMount={onMount}
        onChange={(value) => props.onChange?.(value ?? "")}
        options={{
          readOnly: props.readOnly,
          minimap: { enabled: false },
          fontSize: 14,
          tabSize: 4,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          ariaLabel: props.ariaLabel,
        }}
        loading={<p className="p-4 text-sm text-muted-foreground">Loading the editor…</p>}
      />
    </div>
  );
}
