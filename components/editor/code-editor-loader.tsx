"use client";
// Monaco needs the browser: the editor is loaded on the client only.
import dynamic from "next/dynamic";

export const CodeEditor = dynamic(() => import("@/components/editor/code-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-muted-foreground">Loading the editor…</p>,
});
export const CodeDiff = dynamic(() => import("@/components/editor/code-diff"), { ssr: false });
export type { CodeEditorProps, EditorMarker } from "@/components/editor/code-editor";
