// Follows a submission's progress stream for the exercise page and keeps following it when the
// connection fails: the stream is opened again with growing delays from the last event seen (a new
// EventSource cannot send Last-Event-ID, so that goes as ?after=). When it keeps failing, the
// submission is fetched once: a finished one is shown as if its `done` had arrived, else the page
// is told that live progress was lost. Every event is read through its schema: one the page cannot
// read counts as a failed connection, never as a half-understood result.
import { z } from "zod";
import { type PublicSubmission, publicSubmissionSchema, type SubmissionEvent, submissionEventSchema } from "@/lib/validations/submissions";

export const PROGRESS_EVENTS = ["queued", "started", "compiling", "test", "performance", "retrying"] as const;
export type ProgressEvent = Exclude<SubmissionEvent, { type: "done" }>;

/** A submission as it travels in JSON: its dates as strings. */
export const wireSubmissionSchema = publicSubmissionSchema.extend({
  queuedAt: z.coerce.date(),
  startedAt: z.coerce.date().nullable(),
  finishedAt: z.coerce.date().nullable(),
});
const doneEventSchema = z.object({ submission: wireSubmissionSchema });

/** Where a submission is read: a practice one at /api/submissions/:id, an interview room's run under its interview. */
export const submissionPath = (submissionId: string, interviewId?: string) =>
  interviewId ? `/api/interviews/${interviewId}/runs/${submissionId}` : `/api/submissions/${submissionId}`;

/** GET the submission, read through its schema; null when it cannot be had (gone, offline, unreadable). */
export async function fetchSubmission(
  submissionId: string,
  fetchNow: (url: string, init: RequestInit) => Promise<Response> = (url, init) => fetch(url, init),
  interviewId?: string,
): Promise<PublicSubmission | null> {
  return fetchNow(submissionPath(submissionId, interviewId), { cache: "no-store" })
    .then(async (response) => (response.ok ? wireSubmissionSchema.parse(await response.json()) : null))
    .catch(() => null);
}
const serverErrorSchema = z.object({ message: z.string() });

/** What is used of an EventSource: the browser's, or a test's fake. */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

/** The waits before each new connection after a failure; when they are used up, following ends. */
export const RECONNECT_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];

export const PROGRESS_LOST_MESSAGE =
  "Live progress was lost: the connection to the server kept failing. Your submission is still graded; its result appears in your history when you reload the page.";

export function followSubmission(options: {
  submissionId: string;
  /** A run of this interview's room (read under /api/interviews/:id/runs). */
  interviewId?: string;
  onProgress: (event: ProgressEvent) => void;
  onDone: (submission: PublicSubmission) => void;
  /** Following ended without the result; `message` says so and what to do. */
  onLost: (message: string) => void;
  EventSource?: new (url: string) => EventSourceLike;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  reconnectDelaysMs?: readonly number[];
}): { close(): void } {
  const { submissionId, onProgress, onDone, onLost } = options;
  const OpenEventSource = options.EventSource ?? EventSource;
  const delays = options.reconnectDelaysMs ?? RECONNECT_DELAYS_MS;
  let lastEventId = "";
  let failures = 0;
  let source: EventSourceLike | null = null;
  let reconnect: ReturnType<typeof setTimeout> | null = null;
  /** No more connections: the result came, the tries ran out, or the page closed it. */
  let ended = false;
  let closedByPage = false;

  const end = () => {
    ended = true;
    source?.close();
    if (reconnect) clearTimeout(reconnect);
  };

  /** Reads an event's data through its schema, remembering its id; an event read means the connection works again. */
  const received = <Schema extends z.ZodType>(event: Event, schema: Schema): z.infer<Schema> | null => {
    const message = event as MessageEvent<string>;
    let data: z.infer<Schema>;
    try {
      data = schema.parse(JSON.parse(message.data));
    } catch {
      return null;
    }
    if (message.lastEventId) lastEventId = message.lastEventId;
    failures = 0;
    return data;
  };

  const failed = (serverMessage: string | null) => {
    source?.close();
    if (ended) return;
    const delay = delays[failures++];
    if (delay === undefined) {
      ended = true;
      void giveUp(serverMessage);
      return;
    }
    reconnect = setTimeout(connect, delay);
  };

  const giveUp = async (serverMessage: string | null) => {
    const submission = await fetchSubmission(submissionId, options.fetch, options.interviewId);
    if (closedByPage) return;
    if (submission && (submission.status === "done" || submission.status === "internal_error")) onDone(submission);
    else onLost(serverMessage ?? PROGRESS_LOST_MESSAGE);
  };

  function connect() {
    reconnect = null;
    const query = lastEventId ? `?after=${encodeURIComponent(lastEventId)}` : "";
    const events = new OpenEventSource(`${submissionPath(submissionId, options.interviewId)}/events${query}`);
    source = events;
    for (const type of PROGRESS_EVENTS) {
      events.addEventListener(type, (event) => {
        const progress = received(event, submissionEventSchema);
        if (progress === null || progress.type === "done") return failed(null);
        onProgress(progress);
      });
    }
    events.addEventListener("done", (event) => {
      const done = received(event, doneEventSchema);
      if (done === null) return failed(null);
      end();
      onDone(done.submission);
    });
    // The server's own `error` event carries a message; the browser's (connection lost or refused) has no data.
    events.addEventListener("error", (event) => {
      const data = (event as MessageEvent<unknown>).data;
      failed(typeof data === "string" ? (serverErrorSchema.safeParse(safeJson(data)).data?.message ?? null) : null);
    });
  }

  connect();
  return {
    close() {
      closedByPage = true;
      end();
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
