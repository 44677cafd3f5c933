"use client";
// The reader's own work on an exercise: the code of each language (their drafts, loaded when the
// page opens and saved as they type), which language and file is open, and their Runs and Submits.
// The editor owns what is typed (see code-editor.tsx); `replaceCode` is how the page puts text into
// it on purpose.
import { useCallback, useEffect, useRef, useState } from "react";
import { resetDraftAction, saveDraftAction } from "@/lib/actions/exercise-actions";
import type { SourceFile } from "@/contracts/programs";
import type { Language } from "@/contracts/languages";
import { MAX_CODE_BYTES } from "@/lib/validations/submissions";
import { type HistoryEntry, workspaceSchema } from "@/lib/validations/workspace";

export interface WorkspaceLanguage {
  id: Language;
  label: string;
  edit: SourceFile;
  support: SourceFile[];
}

export type SaveState = "saved" | "unsaved" | "saving" | "failed" | "too-large";
/** The reader's own work: loading, loaded, or not loadable (then nothing is saved over it). */
export type Loaded = { state: "loading" } | { state: "ready"; signedIn: boolean } | { state: "failed"; message: string };
/** Text the page puts into a language's editor on purpose, by revision (see CodeEditor's `replacement`). */
export type Replacement = { text: string; revision: number };

const SAVE_DELAY_MS = 800;

export function useDrafts({ slug, languages: given }: { slug: string; languages: WorkspaceLanguage[] }) {
  const languages = useSameLanguages(given);
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const signedIn = loaded.state === "ready" && loaded.signedIn;
  const [language, setLanguage] = useState<Language>(languages[0]!.id);
  const [openFile, setOpenFile] = useState(languages[0]!.edit.name);
  const [codes, setCodes] = useState<Record<string, string>>(() => Object.fromEntries(languages.map((l) => [l.id, l.edit.content])));
  const codesNow = useRef(codes);
  codesNow.current = codes;
  const [replacements, setReplacements] = useState<Partial<Record<Language, Replacement>>>({});
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  /** One pending save per language: typing in one never cancels another's. */
  const saveTimers = useRef<Partial<Record<Language, ReturnType<typeof setTimeout>>>>({});

  const saveNow = useCallback(
    async (lang: Language, text: string) => {
      setSaveState("saving");
      const result = await saveDraftAction({ exerciseSlug: slug, language: lang, code: text });
      setSaveState(result.ok ? "saved" : "failed");
    },
    [slug],
  );

  const switchLanguage = useCallback(
    (next: Language) => {
      setLanguage(next);
      setOpenFile(languages.find((l) => l.id === next)!.edit.name);
    },
    [languages],
  );

  /** Puts `text` into the editor of `lang` (shown or not), as the page's doing rather than the user's typing. */
  const replaceCode = useCallback((lang: Language, text: string) => {
    codesNow.current = { ...codesNow.current, [lang]: text };
    setCodes((all) => ({ ...all, [lang]: text }));
    setReplacements((all) => ({ ...all, [lang]: { text, revision: (all[lang]?.revision ?? 0) + 1 } }));
  }, []);

  // Only the latest load may set the workspace: an older one answering late (a retry, a re-render
  // with new props) would leave its error, or its drafts, over the newer answer.
  const latestLoad = useRef(0);
  const load = useCallback(async () => {
    const attempt = ++latestLoad.current;
    const isLatest = () => attempt === latestLoad.current;
    setLoaded({ state: "loading" });
    try {
      const response = await fetch(`/api/exercises/${slug}/workspace`, { cache: "no-store" }).catch(() => {
        throw new Error("the server could not be reached");
      });
      if (!isLatest()) return;
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `the server answered ${response.status}`);
      }
      const parsed = workspaceSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error("the server's answer could not be read");
      const workspace = parsed.data;
      if (!isLatest()) return;
      const firstDraft = languages.find((l) => workspace.drafts[l.id] !== undefined)?.id;
      // Code typed while the drafts could not be loaded (before a retry) is newer than any draft: it stays, and is saved.
      const typed = languages.filter((l) => codesNow.current[l.id] !== l.edit.content).map((l) => l.id);
      for (const l of languages) {
        const draft = workspace.drafts[l.id];
        if (!typed.includes(l.id) && draft !== undefined) replaceCode(l.id, draft);
      }
      if (workspace.signedIn) for (const lang of typed) void saveNow(lang, codesNow.current[lang]!);
      setHistory(workspace.history);
      if (firstDraft) switchLanguage(firstDraft);
      setLoaded({ state: "ready", signedIn: workspace.signedIn });
    } catch (error) {
      if (isLatest()) setLoaded({ state: "failed", message: error instanceof Error ? error.message : String(error) });
    }
  }, [slug, languages, saveNow, replaceCode, switchLanguage]);

  useEffect(() => {
    void load();
  }, [load]);

  function scheduleSave(lang: Language, text: string) {
    clearTimeout(saveTimers.current[lang]);
    // Over the limit the server would refuse it: say so now, keep the text in the editor, save once it fits.
    if (new TextEncoder().encode(text).length > MAX_CODE_BYTES) return setSaveState("too-large");
    setSaveState("unsaved");
    saveTimers.current[lang] = setTimeout(() => void saveNow(lang, text), SAVE_DELAY_MS);
  }

  /** What the user typed into the editor of `lang`: kept, and saved after a pause. */
  function edit(lang: Language, text: string) {
    setCodes((all) => ({ ...all, [lang]: text }));
    if (signedIn) scheduleSave(lang, text);
  }

  /** The starter back in `lang`'s editor, and its saved draft forgotten. */
  async function resetToStarter(lang: Language) {
    clearTimeout(saveTimers.current[lang]);
    replaceCode(lang, languages.find((l) => l.id === lang)!.edit.content);
    if (!signedIn) return;
    const result = await resetDraftAction({ exerciseSlug: slug, language: lang });
    setSaveState(result.ok ? "saved" : "failed");
  }

  /** A past Run or Submit back in the editor of its own language, saved as that language's draft. */
  /** Puts `code` in `language`'s editor (opening it) and saves it as that language's draft. */
  function loadCode(language: Language, code: string) {
    switchLanguage(language);
    replaceCode(language, code);
    if (signedIn) scheduleSave(language, code);
  }

  return {
    loaded,
    signedIn,
    load,
    language,
    switchLanguage,
    openFile,
    setOpenFile,
    codes,
    replacements,
    saveState,
    edit,
    resetToStarter,
    history,
    setHistory,
    loadCode,
  };
}

/**
 * `languages` as first given, while what they hold is the same. Next renders the page anew after a
 * server action that sets a cookie (a draft save that refreshes the session's cached copy), handing
 * over equal copies: taken as new, they would load the drafts again, making the editor read-only
 * for a moment and losing what is typed then.
 */
function useSameLanguages(languages: WorkspaceLanguage[]): WorkspaceLanguage[] {
  const kept = useRef(languages);
  if (kept.current !== languages && JSON.stringify(kept.current) !== JSON.stringify(languages)) kept.current = languages;
  return kept.current;
}
