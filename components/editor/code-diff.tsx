"use client";
// A read-only side-by-side diff (a past submission against the current draft), Monaco's DiffEditor.
import { DiffEditor } from "@monaco-editor/react";
import { configureMonaco } from "@/components/editor/monaco-setup";

configureMonaco();

export default function CodeDiff(props: { original: string; modified: string; language: string; dark: boolean }) {
  return (
    <div className="h-96 overflow-hidden rounded-md border" data-testid="code-diff">
      <DiffEditor
        original={props.original}
        modified={props.modified}
        language={props.language === "cpp" ? "cpp" : props.language}
        theme={props.dark ? "vs-dark" : "vs"}
        options={{ readOnly: true, renderSideBySide: true, minimap: { enabled: false }, automaticLayout: true }}
      />
    </div>
  );
}
