"use client";
// The interviewers' private notes in the room: Markdown, each stamped with the interview's clock,
// written by any of the interview's interviewers and changed only by its author. Only interviewers'
// pages have this panel (the server sends notes to no one else); what others wrote appears when an
// interviewer returns to the window or saves a note.
import { useCallback, useEffect, useState } from "react";
import { RenderedMarkdown } from "@/components/questions/rendered-markdown";
import { Button } from "@/components/ui/button";
import { addNoteAction, deleteNoteAction, editNoteAction, listNotesAction } from "@/lib/actions/interview-actions";
import { clockLabel } from "@/lib/interviews/clock-label";
import type { NoteView } from "@/lib/server/interviews/interview-notes";
import { MAX_NOTE_CHARS } from "@/lib/validations/interviews";

function NoteEditor({
  initial,
  label,
  submitLabel,
  onSave,
  onCancel,
}: {
  initial: string;
  label: string;
  submitLabel: string;
  onSave: (body: string) => Promise<string | null>;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (saving) return;
    setSaving(true);
    const failed = await onSave(body);
    setSaving(false);
    setProblem(failed);
    if (!failed && !onCancel) setBody("");
  };
  return (
    <div className="flex flex-col gap-2">
      <textarea
        aria-label={label}
        className="min-h-20 rounded-md border bg-background p-2 font-mono text-xs"
        value={body}
        maxLength={MAX_NOTE_CHARS}
        placeholder="Markdown. Ctrl+Enter saves."
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            void save();
          }
        }}
      />
      <div className="flex items-center gap-2">
        <Button size="sm" onClick={() => void save()} disabled={saving || body.trim() === ""}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button size="sm" variant="outline" onClick={onCancel}>
            Cancel
          </Button>
        )}
        {problem && (
          <p role="alert" className="text-xs text-destructive">
            {problem}
          </p>
        )}
      </div>
    </div>
  );
}

export function RoomNotes({ interviewId, initialNotes }: { interviewId: string; initialNotes: NoteView[] }) {
  const [notes, setNotes] = useState(initialNotes);
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await listNotesAction({ interviewId });
    if (result.ok) setNotes(result.data);
  }, [interviewId]);
  useEffect(() => {
    const onFocus = () => void refresh();
    window.addEventListener("focus", onFocus);
    return () => window.removeEventListener("focus", onFocus);
  }, [refresh]);

  return (
    <details className="rounded-md border p-3 text-sm" open data-testid="room-notes">
      <summary className="font-medium">Private notes ({notes.length}): only the interviewers see these</summary>
      <ol className="mt-2 flex flex-col gap-3">
        {notes.map((note) => (
          <li key={note.id} className="flex flex-col gap-1 border-l-2 pl-2" data-testid="room-note">
            <p className="text-xs text-muted-foreground">
              <span className="font-mono" data-testid="note-clock">
                {clockLabel(note.clockMs)}
              </span>{" "}
              · {note.mine ? "you" : note.authorName}
              {note.editedAt ? " · edited" : ""}
            </p>
            {editing === note.id ? (
              <NoteEditor
                initial={note.body}
                label="Edit the note"
                submitLabel="Save"
                onCancel={() => setEditing(null)}
                onSave={async (body) => {
                  const result = await editNoteAction({ interviewId, noteId: note.id, body });
                  if (!result.ok) return result.error.message;
                  setNotes((all) => all.map((n) => (n.id === note.id ? result.data : n)));
                  setEditing(null);
                  return null;
                }}
              />
            ) : (
              <RenderedMarkdown html={note.html} className="text-sm" />
            )}
            {note.mine && editing !== note.id && (
              <div className="flex gap-2 text-xs">
                <button type="button" className="underline underline-offset-2" onClick={() => setEditing(note.id)}>
                  Edit
                </button>
                <button
                  type="button"
                  className="underline underline-offset-2"
                  onClick={async () => {
                    const result = await deleteNoteAction({ interviewId, noteId: note.id });
                    if (!result.ok) return setProblem(result.error.message);
                    setNotes((all) => all.filter((n) => n.id !== note.id));
                  }}
                >
                  Delete
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {problem && (
        <p role="alert" className="mt-2 text-xs text-destructive">
          {problem}
        </p>
      )}
      <div className="mt-3">
        <NoteEditor
          initial=""
          label="A new private note"
          submitLabel="Add note"
          onSave={async (body) => {
            const result = await addNoteAction({ interviewId, body });
            if (!result.ok) return result.error.message;
            await refresh();
            return null;
          }}
        />
      </div>
    </details>
  );
}
