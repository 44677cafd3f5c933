"use client";
// The working half of the exercise page: the editor with its files and languages, drafts saved as
// you type, Run and Submit with live progress, the result, and your history. The page around it is
// the same for every reader; what is theirs (drafts, history) is loaded here when it opens.
import Link from "next/link";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { resetDraftAction, saveDraftAction, submitCodeAction } from "@/app/exercises/[slug]/actions";
import { CodeEditor, type EditorMarker } from "@/components/editor/code-editor-loader";
import { followSubmission } from "@/components/exercises/follow-submission";
import { type LiveProgress, SubmissionResult } from "@/components/exercises/submission-result";
import { SubmissionHistory } from "@/components/exercises/submission-history";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { SourceFile } from "@/lib/exercises/load-exercise";
import type { Language } from "@/lib/exercises/manifest";
import { parseCompilerDiagnostics } from "@/lib/grading/compiler-diagnostics";
import type { GradingStatus } from "@/lib/server/grading/get-grading-status";
import type { PublicSubmission } from "@/lib/validations/submissions";
import type { HistoryEntry, Workspace } from "@/lib/validations/workspace";
import { cn } from "@/lib/utils";

export interface WorkspaceLanguage {
  id: Language;
  label: string;
  edit: SourceFile;
  support: SourceFile[];
}

const SAVE_DELAY_MS = 800;

type SaveState = "saved" | "unsaved" | "saving" | "failed";
/** The reader's own work: loading, loaded, or not loadable (then nothing is saved over it). */
type Loaded = { state: "loading" } | { state: "ready"; signedIn: boolean } | { state: "failed"; message: string };

export function ExerciseWorkspace(props: {
  slug: string;
  languages: WorkspaceLanguage[];
  /** What a Run's own input is: stdin (io), the harness's scenario (link); servers take none. */
  exerciseKind: "io" | "link" | "server";
}) {
  const { slug, languages } = props;
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const signedIn = loaded.state === "ready" && loaded.signedIn;
  const [language, setLanguage] = useState<Language>(languages[0]!.id);
  const current = languages.find((l) => l.id === language)!;
  const [codes, setCodes] = useState<Record<string, string>>(() => Object.fromEntries(languages.map((l) => [l.id, l.edit.content])));
  const codesNow = useRef(codes);
  codesNow.current = codes;
  /** Text the page puts into a language's editor on purpose (drafts, starter, an old submission), by revision. */
  const [replacements, setReplacements] = useState<Partial<Record<Language, { text: string; revision: number }>>>({});
  const [openFile, setOpenFile] = useState(current.edit.name);
  const [saveState, setSaveState] = useState<SaveState>("saved");
  const [customInput, setCustomInput] = useState("");
  const [useCustomInput, setUseCustomInput] = useState(false);
  const [submission, setSubmission] = useState<PublicSubmission | null>(null);
  const [progress, setProgress] = useState<LiveProgress | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [history, setHistory] = useState<HistoryEntry[]>([]);
  /** One pending save per language: typing in one never cancels another's. */
  const saveTimers = useRef<Partial<Record<Language, ReturnType<typeof setTimeout>>>>({});
  const following = useRef<{ close(): void } | null>(null);
  const busy = progress !== null && progress.phase !== "done";
  const [grading, setGrading] = useState<GradingStatus>("ok");

  useEffect(() => () => following.current?.close(), []);

  // The page is prerendered, so whether any worker is alive is asked for here: on opening, and with each submission.
  const checkGrading = useCallback(async () => {
    const health = await fetch("/api/health", { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<{ grading?: GradingStatus }>) : null))
      .catch(() => null);
    if (health?.grading) setGrading(health.grading);
  }, []);

  useEffect(() => {
    void checkGrading();
  }, [checkGrading]);

  const code = codes[language] ?? "";
  const saveNow = useCallback(
    async (lang: Language, text: string) => {
      setSaveState("saving");
      const result = await saveDraftAction({ exerciseSlug: slug, language: lang, code: text });
      setSaveState(result.ok ? "saved" : "failed");
    },
    [slug],
  );

  // Only the latest load may set the workspace: an older one answering late (a retry, a re-render
  // with new props) would leave its error, or its drafts, over the newer answer.
  const latestLoad = useRef(0);
  const load = useCallback(async () => {
    const attempt = ++latestLoad.current;
    const isLatest = () => attempt === latestLoad.current;
    setLoaded({ state: "loading" });
    try {
      const response = await fetch(`/api/exercises/${slug}/workspace`, { cache: "no-store" });
      if (!isLatest()) return;
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `the server answered ${response.status}`);
      }
      const workspace = (await response.json()) as Workspace;
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
  }, [slug, languages, saveNow]);

  useEffect(() => {
    void load();
  }, [load]);

  /** What the user typed into the editor of `lang`: kept, and saved after a pause. */
  function edit(lang: Language, text: string) {
    setCodes((all) => ({ ...all, [lang]: text }));
    if (signedIn) scheduleSave(lang, text);
  }

  function scheduleSave(lang: Language, text: string) {
    setSaveState("unsaved");
    clearTimeout(saveTimers.current[lang]);
    saveTimers.current[lang] = setTimeout(() => void saveNow(lang, text), SAVE_DELAY_MS);
  }

  /** Puts `text` into the editor of `lang` (shown or not), as the page's doing rather than the user's typing. */
  function replaceCode(lang: Language, text: string) {
    codesNow.current = { ...codesNow.current, [lang]: text };
    setCodes((all) => ({ ...all, [lang]: text }));
    setReplacements((all) => ({ ...all, [lang]: { text, revision: (all[lang]?.revision ?? 0) + 1 } }));
  }

  async function resetToStarter() {
    if (!window.confirm(`Replace your ${current.label} code with the starter? Your draft is discarded.`)) return;
    clearTimeout(saveTimers.current[language]);
    replaceCode(language, current.edit.content);
    if (signedIn) {
      const result = await resetDraftAction({ exerciseSlug: slug, language });
      setSaveState(result.ok ? "saved" : "failed");
    }
  }

  function switchLanguage(next: Language) {
    setLanguage(next);
    setOpenFile(languages.find((l) => l.id === next)!.edit.name);
  }

  async function send(kind: "run" | "submit") {
    if (busy || loaded.state === "loading") return;
    setActionError(null);
    if (loaded.state === "ready" && !signedIn) {
      setActionError("sign-in");
      return;
    }
    following.current?.close();
    setSubmission(null);
    setProgress({ phase: "sending", testsDone: 0, testsTotal: 0 });
    const stdin = kind === "run" && useCustomInput && props.exerciseKind !== "server" ? customInput : undefined;
    const result = await submitCodeAction({ exerciseSlug: slug, language, code, kind, stdin });
    if (!result.ok) {
      setProgress(null);
      setActionError(result.error.message);
      return;
    }
    const created = result.data;
    setSubmission(created);
    setProgress({ phase: "queued", testsDone: 0, testsTotal: 0 });
    setHistory((entries) => [{ id: created.id, kind, language, verdict: null, status: created.status, queuedAt: new Date().toISOString(), code }, ...entries]);
    if (created.status === "queued") void checkGrading();
    follow(created.id);
  }

  function follow(id: string) {
    following.current = followSubmission({
      submissionId: id,
      onProgress: (event) => {
        if (event.type === "started") setGrading("ok"); // a worker took it
        setProgress((previous) => {
          const base = previous ?? { phase: "queued" as const, testsDone: 0, testsTotal: 0 };
          if (event.type === "test") return { phase: "testing", testsDone: event.index, testsTotal: event.total };
          if (event.type === "started") return { ...base, phase: "compiling" };
          if (event.type === "performance") return { ...base, phase: "performance" };
          return { ...base, phase: event.type };
        });
      },
      onDone: (finished) => {
        setSubmission(finished);
        setProgress({ phase: "done", testsDone: 0, testsTotal: 0 });
        setHistory((entries) => entries.map((e) => (e.id === id ? { ...e, verdict: finished.verdict, status: finished.status } : e)));
      },
      onLost: (message) => {
        setProgress(null); // Run and Submit work again
        setActionError(message);
      },
    });
  }

  const markers: EditorMarker[] = useMemo(() => {
    const result = submission?.result;
    if (!result || result.verdict !== "CE" || !result.message || submission.language !== language) return [];
    return parseCompilerDiagnostics(result.message, current.edit.name);
  }, [submission, language, current.edit.name]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      if (event.key === "Enter") {
        event.preventDefault();
        void send("submit");
      } else if (event.key === "'") {
        event.preventDefault();
        void send("run");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  const files = [current.edit, ...current.support];
  const shownFile = files.find((f) => f.name === openFile) ?? current.edit;
  const editingUserFile = shownFile.name === current.edit.name;

  return (
    <div className="flex min-w-0 flex-col gap-4">
      {grading === "paused" && (
        <p role="status" data-testid="grading-paused" className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
          Grading is paused: no worker is running. Your submissions wait in the queue and are graded when one starts.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <Label htmlFor="language" className="sr-only">
          Language
        </Label>
        <select
          id="language"
          value={language}
          onChange={(event) => switchLanguage(event.target.value as Language)}
          className="h-9 rounded-md border border-input bg-background px-2 text-sm"
        >
          {languages.map((l) => (
            <option key={l.id} value={l.id}>
              {l.label}
            </option>
          ))}
        </select>
        <div role="tablist" aria-label="Files" className="flex flex-wrap gap-1">
          {files.map((file) => (
            <button
              key={file.name}
              role="tab"
              aria-selected={file.name === shownFile.name}
              onClick={() => setOpenFile(file.name)}
              className={cn(
                "rounded-md px-2.5 py-1 font-mono text-xs",
                file.name === shownFile.name ? "bg-accent font-semibold" : "text-muted-foreground hover:bg-accent",
              )}
            >
              {file.name}
              {file.name !== current.edit.name && <span className="ml-1 font-sans text-[10px] uppercase">read-only</span>}
            </button>
          ))}
        </div>
        <span className="ml-auto text-xs text-muted-foreground" data-testid="save-state" aria-live="polite">
          {loaded.state === "loading"
            ? "Loading your draft…"
            : loaded.state === "failed"
              ? "Drafts not loaded: changes are not saved"
              : signedIn
                ? { saved: "Draft saved", unsaved: "Unsaved changes", saving: "Saving…", failed: "Could not save the draft" }[saveState]
                : "Sign in to keep drafts"}
        </span>
      </div>

      <div className="h-[28rem] overflow-hidden rounded-md border">
        <CodeEditor
          path={`file:///${slug}/${language}/${shownFile.name}`}
          defaultValue={editingUserFile ? code : shownFile.content}
          replacement={editingUserFile ? replacements[language] : undefined}
          language={language}
          readOnly={!editingUserFile || loaded.state === "loading"}
          markers={editingUserFile ? markers : []}
          onChange={editingUserFile ? (text) => edit(language, text) : undefined}
          onSubmit={() => void send("submit")}
          onRun={() => void send("run")}
          ariaLabel={editingUserFile ? `Your code, ${shownFile.name}` : `${shownFile.name}, read-only`}
        />
      </div>

      <div className="flex flex-wrap items-center gap-2">
        <Button variant="outline" onClick={() => void send("run")} disabled={busy} title="Ctrl/Cmd + '">
          Run
        </Button>
        <Button onClick={() => void send("submit")} disabled={busy} title="Ctrl/Cmd + Enter">
          Submit
        </Button>
        {props.exerciseKind !== "server" && (
          <label className="ml-2 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={useCustomInput} onChange={(e) => setUseCustomInput(e.target.checked)} />
            {props.exerciseKind === "link" ? "Run my own scenario" : "Run with my own input"}
          </label>
        )}
        <Button variant="ghost" size="sm" className="ml-auto" disabled={loaded.state === "loading"} onClick={() => void resetToStarter()}>
          Reset to starter
        </Button>
      </div>
      {useCustomInput && props.exerciseKind !== "server" && (
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="custom-input">{props.exerciseKind === "link" ? "Your scenario (what the harness reads; see Input in the statement)" : "Your input (standard input for Run)"}</Label>
          <textarea
            id="custom-input"
            value={customInput}
            onChange={(e) => setCustomInput(e.target.value)}
            rows={4}
            className="rounded-md border border-input bg-background p-2 font-mono text-sm"
          />
        </div>
      )}

      {loaded.state === "failed" && (
        <p role="alert" className="text-sm text-destructive">
          Your drafts and history could not be loaded ({loaded.message}); what you type now is not saved.{" "}
          <button type="button" className="font-medium underline underline-offset-4" onClick={() => void load()}>
            Try again
          </button>
        </p>
      )}
      {actionError === "sign-in" ? (
        <p role="alert" className="text-sm">
          <Link href={`/sign-in?next=${encodeURIComponent(`/exercises/${slug}`)}`} className="font-medium underline underline-offset-4">
            Sign in
          </Link>{" "}
          to run and submit your code; what you wrote stays in the editor.
        </p>
      ) : (
        actionError && (
          <p role="alert" className="text-sm text-destructive">
            {actionError}
          </p>
        )
      )}

      {grading === "paused" && progress?.phase === "queued" && (
        <p className="text-sm text-amber-900 dark:text-amber-200">This one waits for a worker too: grading is paused until one starts.</p>
      )}
      <SubmissionResult submission={submission} progress={progress} onRetry={(kind) => void send(kind)} />
      {signedIn && (
        <SubmissionHistory
          entries={history}
          currentCodes={codes}
          onLoad={(entry) => {
            // Into the submission's own language, saved as that language's draft; the open one is left alone.
            switchLanguage(entry.language);
            replaceCode(entry.language, entry.code);
            if (signedIn) scheduleSave(entry.language, entry.code);
          }}
        />
      )}
    </div>
  );
}
