"use client";
// The editor's settings a user expects (font size, tab width, word wrap, vim or emacs key bindings),
// kept in this browser's localStorage and read through their schema (a stale or hand-edited value
// falls back to the defaults, field by field).
import { useCallback, useEffect, useState } from "react";
import "@/lib/validations/zod-setup";
import { z } from "zod";

export const KEY_BINDINGS = ["standard", "vim", "emacs"] as const;
export const FONT_SIZES = [12, 13, 14, 15, 16, 18, 20, 22] as const;
export const TAB_SIZES = [2, 4, 8] as const;

const settingsSchema = z.object({
  fontSize: z.number().int().min(10).max(28).catch(14),
  tabSize: z.union([z.literal(2), z.literal(4), z.literal(8)]).catch(4),
  wordWrap: z.boolean().catch(false),
  keyBindings: z.enum(KEY_BINDINGS).catch("standard"),
});

export type EditorSettings = z.infer<typeof settingsSchema>;

export const DEFAULT_EDITOR_SETTINGS: EditorSettings = { fontSize: 14, tabSize: 4, wordWrap: false, keyBindings: "standard" };

const STORAGE_KEY = "osprep:editor-settings";

function stored(): EditorSettings {
  try {
    return settingsSchema.parse(JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "{}"));
  } catch {
    return DEFAULT_EDITOR_SETTINGS;
  }
}

/** The settings (the defaults until this browser's are read after the first render) and a setter that keeps them. */
export function useEditorSettings(): [EditorSettings, (change: Partial<EditorSettings>) => void] {
  const [settings, setSettings] = useState(DEFAULT_EDITOR_SETTINGS);
  useEffect(() => setSettings(stored()), []);
  const change = useCallback((update: Partial<EditorSettings>) => {
    setSettings((previous) => {
      const next = { ...previous, ...update };
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or refused: the setting holds for this page.
      }
      return next;
    });
  }, []);
  return [settings, change];
}
