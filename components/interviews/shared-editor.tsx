"use client";
// The room's editor: Monaco (the bundled one, see monaco-setup.ts) bound to the room's shared text
// with y-monaco, so every participant's edits, cursor and selection appear on the others' screens.
// One Monaco model per file (`path`); the binding follows the file the room shows.
import Editor, { type OnMount } from "@monaco-editor/react";
import { useEffect, useRef, useState } from "react";
import { MonacoBinding } from "y-monaco";
import type { Awareness } from "y-protocols/awareness";
import type * as Y from "yjs";
import type * as Monaco from "monaco-editor";
import { configureMonaco } from "@/components/editor/monaco-setup";
import { useSystemDark } from "@/components/use-system-dark";

configureMonaco();

const MONACO_LANGUAGES: Record<string, string> = { c: "c", cpp: "cpp", go: "go", python: "python" };

export interface SharedEditorProps {
  text: Y.Text;
  awareness: Awareness;
  /** The file's identity (file:///…), one per exercise and language. */
  path: string;
  language: string;
  readOnly: boolean;
  ariaLabel: string;
  onRun?: () => void;
  onSubmit?: () => void;
}

export default function SharedEditor(props: SharedEditorProps) {
  const dark = useSystemDark();
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const [mounted, setMounted] = useState(false);
  const [length, setLength] = useState(props.text.length);
  const handlers = useRef({ onRun: props.onRun, onSubmit: props.onSubmit });
  handlers.current = { onRun: props.onRun, onSubmit: props.onSubmit };

  // After Editor's own effects: by now it shows the model of `path`.
  // biome-ignore lint/correctness/useExhaustiveDependencies: bound again for each model (path) the editor opens
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!mounted || !editor || !model) return;
    const binding = new MonacoBinding(props.text, model, new Set([editor]), props.awareness);
    const count = () => setLength(props.text.length);
    count();
    props.text.observe(count);
    return () => {
      props.text.unobserve(count);
      binding.destroy();
    };
  }, [mounted, props.text, props.awareness, props.path]);

  useEffect(() => {
    editorRef.current?.updateOptions({ readOnly: props.readOnly });
  }, [props.readOnly]);

  const onMount: OnMount = (editor, monaco) => {
    editorRef.current = editor;
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => handlers.current.onSubmit?.());
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Quote, () => handlers.current.onRun?.());
    setMounted(true);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a labelled region around the editor, not a form section
    <div
      className="flex h-full min-h-80 flex-col"
      data-testid="shared-editor"
      data-length={length}
      data-read-only={props.readOnly}
      role="group"
      aria-label={props.ariaLabel}
    >
      <Editor
        path={props.path}
        defaultValue=""
        language={MONACO_LANGUAGES[props.language] ?? "plaintext"}
        theme={dark ? "vs-dark" : "vs"}
        onMount={onMount}
        options={{
          readOnly: props.readOnly,
          minimap: { enabled: false },
          fontSize: 14,
          scrollBeyondLastLine: false,
          automaticLayout: true,
          ariaLabel: props.ariaLabel,
        }}
        loading={<p className="p-4 text-sm text-muted-foreground">Loading the editor…</p>}
      />
    </div>
  );
}
