"use client";
// The working half of the exercise page: the editor with its files and languages, drafts saved as
// you type, Run and Submit with live progress, the result, and your history. The page around it is
// the same for every reader; what is theirs (drafts, history) is loaded here when it opens.
import Link from "next/link";
import { useEffect, useMemo, useRef, useState } from "react";
import { CodeEditor, type EditorMarker } from "@/components/editor/code-editor-loader";
import { PANE_CLASS, useShowPane } from "@/components/exercises/exercise-panes";
import { ShortcutsDialog } from "@/components/exercises/shortcuts-dialog";
import { SubmissionResult } from "@/components/exercises/submission-result";
import { useExerciseLayout } from "@/components/exercises/use-layout";
import { EditorSettingsPanel } from "@/components/editor/editor-settings-panel";
import { useEditorSettings } from "@/components/editor/editor-settings";
import { isTypingTarget } from "@/components/typing-target";
import { Splitter } from "@/components/ui/splitter";
import { SubmissionHistory } from "@/components/exercises/submission-history";
import { useDrafts, type WorkspaceLanguage } from "@/components/exercises/use-drafts";
import { useSubmissionStream } from "@/components/exercises/use-submission-stream";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import type { Language } from "@/contracts/languages";
import { parseCompilerDiagnostics } from "@/lib/grading/compiler-diagnostics";
import { MAX_CODE_BYTES } from "@/lib/validations/submissions";
import { type HistoryEntry, summarizeResult } from "@/lib/validations/workspace";
import { cn } from "@/lib/utils";

export type { WorkspaceLanguage } from "@/components/exercises/use-drafts";

export function ExerciseWorkspace(props: {
  slug: string;
  languages: WorkspaceLanguage[];
  /** What a Run's own input is: stdin (io), the harness's scenario (link); servers take none. */
  exerciseKind: "io" | "link" | "server";
}) {
  const { slug, languages } = props;
  const drafts = useDrafts({ slug, languages });
  const showPane = useShowPane();
  const [settings, changeSettings] = useEditorSettings();
  const [layout, setLayout] = useExerciseLayout();
  const editorBox = useRef<HTMLDivElement>(null);
  const [showSettings, setShowSettings] = useState(false);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [fullScreen, setFullScreen] = useState(false);
  const { loaded, signedIn, language, switchLanguage, openFile, setOpenFile, codes, saveState, history, setHistory } = drafts;
  const current = languages.find((l) => l.id === language)!;
  const code = codes[language] ?? "";
  const [customInput, setCustomInput] = useState("");
  const [useCustomInput, setUseCustomInput] = useState(false);
  /** A signed-out reader pressed Run or Submit: they are asked to sign in. */
  const [askSignIn, setAskSignIn] = useState(false);
  const stream = useSubmissionStream({
    slug,
    onCreated: (created, sentCode) =>
      setHistory((entries) => [
        {
          id: created.id,
          kind: created.kind,
          language: created.language,
          verdict: null,
          status: created.status,
          queuedAt: new Date().toISOString(),
          code: sentCode,
          ...summarizeResult(null),
        },
        ...entries,
      ]),
    onFinished: (finished) =>
      setHistory((entries) =>
        entries.map((e) => (e.id === finished.id ? { ...e, verdict: finished.verdict, status: finished.status, ...summarizeResult(finished.result) } : e)),
      ),
  });
  const { submission, progress, busy, grading } = stream;

  // Once the reader's history has arrived (on opening, or a reload mid-grading): the latest result
  // again, or the live progress of a submission still being graded.
  const resumed = useRef(false);
  useEffect(() => {
    if (loaded.state !== "ready" || resumed.current) return;
    resumed.current = true;
    const latest = history[0];
    if (latest)
      void stream.resume(
        latest.id,
        history.filter((e) => e.status === "queued" || e.status === "running").map((e) => e.id),
      );
  }, [loaded.state, history, stream]);

  /** What a past submission's code replaced, until the user edits that language again. */
  const [undo, setUndo] = useState<{ language: Language; code: string } | null>(null);

  /** A past submission into its own language's editor: asked first when it would replace a different draft, and undoable. */
  function loadIntoEditor(entry: HistoryEntry) {
    const target = languages.find((l) => l.id === entry.language);
    const previous = codes[entry.language] ?? target?.edit.content ?? "";
    if (previous !== entry.code) {
      const label = target?.label ?? entry.language;
      if (!window.confirm(`Replace your ${label} code with this ${entry.kind === "run" ? "Run" : "submission"}'s code? You can undo it.`)) return;
      setUndo({ language: entry.language, code: previous });
    }
    drafts.loadCode(entry.language, entry.code);
    showPane("code");
  }

  async function resetToStarter() {
    if (!window.confirm(`Replace your ${current.label} code with the starter? Your draft is discarded.`)) return;
    await drafts.resetToStarter(language);
  }

  async function send(kind: "run" | "submit") {
    if (busy || loaded.state === "loading") return;
    setAskSignIn(false);
    if (loaded.state === "ready" && !signedIn) {
      stream.setProblem(null);
      setAskSignIn(true);
      return;
    }
    if (code.trim() === "") {
      stream.setProblem(
        `Your file is empty: write your solution in ${current.edit.name} (or use Reset to starter) before you ${kind === "run" ? "run" : "submit"} it.`,
      );
      return;
    }
    const stdin = kind === "run" && useCustomInput && props.exerciseKind !== "server" ? customInput : undefined;
    showPane("result");
    // Refused (a limit, a bad input): back to the code, where the reason is shown.
    if (!(await stream.send({ kind, language, code, stdin }))) showPane("code");
  }

  const markers: EditorMarker[] = useMemo(() => {
    const result = submission?.result;
    if (!submission || result?.verdict !== "CE" || !result.message || submission.language !== language) return [];
    return parseCompilerDiagnostics(result.message, current.edit.name);
  }, [submission, language, current.edit.name]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "?" && !isTypingTarget(event.target) && !event.ctrlKey && !event.metaKey) {
        event.preventDefault();
        setShowShortcuts(true);
        return;
      }
      // Escape leaves full screen, except in vim mode, where it is vim's (the button still does).
      if (event.key === "Escape" && fullScreen && !showShortcuts && settings.keyBindings !== "vim") {
        setFullScreen(false);
        return;
      }
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
      <div
        className={cn("flex min-w-0 flex-col gap-4", fullScreen ? "fixed inset-0 z-50 overflow-auto bg-background p-3" : PANE_CLASS.code)}
        data-pane="code"
        data-full-screen={fullScreen || undefined}
      >
        {grading === "paused" && (
          <p
            role="status"
            data-testid="grading-paused"
            className="rounded-md border border-amber-400 bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            Grading is paused: no worker is running. Your submissions wait in the queue and are graded when one starts.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          <Label htmlFor="language" className="sr-only">
            Language
          </Label>
          {/* Chosen once the drafts are in (and the page is live): a choice made before would be undone by the draft's language, or lost before hydration. */}
          <select
            id="language"
            value={language}
            disabled={loaded.state === "loading"}
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
                type="button"
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
                  ? {
                      saved: "Draft saved",
                      unsaved: "Unsaved changes",
                      saving: "Saving…",
                      failed: "Could not save the draft",
                      "too-large": `Not saved: code is limited to ${MAX_CODE_BYTES / 1024} KiB. It stays here; shorten it to save.`,
                    }[saveState]
                  : "Sign in to keep drafts"}
          </span>
        </div>

        {undo && (
          <p role="status" className="flex items-center gap-2 rounded-md border bg-muted/50 px-3 py-2 text-sm" data-testid="loaded-past">
            A past submission's code replaced your {languages.find((l) => l.id === undo.language)?.label} code.
            <Button
              variant="outline"
              size="sm"
              className="ml-auto"
              onClick={() => {
                drafts.loadCode(undo.language, undo.code);
                setUndo(null);
              }}
            >
              Undo
            </Button>
          </p>
        )}
        <div className="flex flex-wrap items-center gap-1">
          <Button variant="ghost" size="sm" aria-pressed={showSettings} onClick={() => setShowSettings((shown) => !shown)}>
            Editor settings
          </Button>
          <Button variant="ghost" size="sm" aria-pressed={fullScreen} onClick={() => setFullScreen((full) => !full)}>
            {fullScreen ? "Exit full screen" : "Full screen"}
          </Button>
          <Button variant="ghost" size="sm" title="Keyboard shortcuts (?)" onClick={() => setShowShortcuts(true)}>
            Shortcuts <kbd className="ml-1 rounded border px-1 font-mono text-[10px]">?</kbd>
          </Button>
        </div>
        {showSettings && <EditorSettingsPanel settings={settings} onChange={changeSettings} />}
        {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
        <div
          ref={editorBox}
          className={cn("overflow-hidden rounded-md border", fullScreen ? "min-h-80 flex-1" : "h-[28rem]")}
          style={!fullScreen && layout.editorHeight ? { height: layout.editorHeight } : undefined}
          data-testid="editor-box"
        >
          <CodeEditor
            path={`file:///${slug}/${language}/${shownFile.name}`}
            defaultValue={editingUserFile ? code : shownFile.content}
            replacement={editingUserFile ? drafts.replacements[language] : undefined}
            language={language}
            readOnly={!editingUserFile || loaded.state === "loading"}
            markers={editingUserFile ? markers : []}
            onChange={
              editingUserFile
                ? (text) => {
                    drafts.edit(language, text);
                    if (undo?.language === language) setUndo(null);
                  }
                : undefined
            }
            onSubmit={() => void send("submit")}
            onRun={() => void send("run")}
            ariaLabel={editingUserFile ? `Your code, ${shownFile.name}` : `${shownFile.name}, read-only`}
            settings={settings}
          />
        </div>
        {!fullScreen && (
          <Splitter
            orientation="horizontal"
            label="Editor height"
            className="-mt-2.5 self-center !w-24"
            value={() => editorBox.current?.offsetHeight ?? 448}
            shown={layout.editorHeight}
            min={200}
            max={() => Math.max(window.innerHeight * 1.5, 600)}
            onChange={(editorHeight) => setLayout({ editorHeight })}
          />
        )}

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
            <Label htmlFor="custom-input">
              {props.exerciseKind === "link" ? "Your scenario (what the harness reads; see Input in the statement)" : "Your input (standard input for Run)"}
            </Label>
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
            <button type="button" className="font-medium underline underline-offset-4" onClick={() => void drafts.load()}>
              Try again
            </button>
          </p>
        )}
        {askSignIn ? (
          <p role="alert" className="text-sm">
            <Link href={`/sign-in?next=${encodeURIComponent(`/exercises/${slug}`)}`} className="font-medium underline underline-offset-4">
              Sign in
            </Link>{" "}
            to run and submit your code; what you wrote stays in the editor.
          </p>
        ) : (
          stream.problem && (
            <p role="alert" className="text-sm text-destructive">
              {stream.problem}
            </p>
          )
        )}
      </div>
      <div className={cn("flex min-w-0 flex-col gap-4", PANE_CLASS.result)} data-pane="result">
        {!submission && !progress && history.length === 0 && (
          <p className="text-sm text-muted-foreground lg:hidden">Run or submit your code (on the Code tab) to see its result here.</p>
        )}
        {grading === "paused" && progress?.phase === "queued" && (
          <p className="text-sm text-amber-900 dark:text-amber-200">This one waits for a worker too: grading is paused until one starts.</p>
        )}
        <SubmissionResult submission={submission} progress={progress} onRetry={(kind) => void send(kind)} />
        {signedIn && <SubmissionHistory entries={history} currentCodes={codes} onLoad={loadIntoEditor} />}
      </div>
    </div>
  );
}
