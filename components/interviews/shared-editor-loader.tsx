"use client";
// Monaco and y-monaco need the browser: the room's editor is loaded on the client only.
import dynamic from "next/dynamic";

export const SharedEditor = dynamic(() => import("@/components/interviews/shared-editor"), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-muted-foreground">Loading the editor…</p>,
});
