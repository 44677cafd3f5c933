// Follows a submission's progress stream for the exercise page and keeps following it when the
// connection fails: the stream is opened again with growing delays from the last event seen (a new
// EventSource cannot send Last-Event-ID, so that goes as ?after=). When it keeps failing, the
// submission is fetched once: a finished one is shown as if its `done` had arrived, else the page
// is told that live progress was lost.
import type { PublicSubmission } from "@/lib/validations/submissions";

export const PROGRESS_EVENTS = ["queued", "started", "compiling", "test", "performance", "retrying"] as const;
export type ProgressEventType = (typeof PROGRESS_EVENTS)[number];

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
  onProgress: (type: ProgressEventType, data: { index?: number; total?: number }) => void;
  onDone: (submission: PublicSubmission) => void;
  /** Following ended without the result; `message` says so and what to do. */
  onLost: (message: string) => void;
  EventSource?: new (url: string) => EventSourceLike;
  fetch?: (url: string, init: RequestInit) => Promise<Response>;
  reconnectDelaysMs?: readonly number[];
}): { close(): void } {
  const { submissionId, onProgress, onDone, onLost } = options;
  const OpenEventSource = options.EventSource ?? EventSource;
  const fetchNow = options.fetch ?? ((url, init) => fetch(url, init));
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

  /** Reads an event's data, remembering its id; an event received means the connection works again. */
  const received = (event: Event): unknown => {
    const message = event as MessageEvent<string>;
    if (message.lastEventId) lastEventId = message.lastEventId;
    failures = 0;
    return JSON.parse(message.data);
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
    const submission = await fetchNow(`/api/submissions/${submissionId}`, { cache: "no-store" })
      .then((response) => (response.ok ? (response.json() as Promise<PublicSubmission>) : null))
      .catch(() => null);
    if (closedByPage) return;
    if (submission && (submission.status === "done" || submission.status === "internal_error")) onDone(withDates(submission));
    else onLost(serverMessage ?? PROGRESS_LOST_MESSAGE);
  };

  function connect() {
    reconnect = null;
    const query = lastEventId ? `?after=${encodeURIComponent(lastEventId)}` : "";
    const events = new OpenEventSource(`/api/submissions/${submissionId}/events${query}`);
    source = events;
    for (const type of PROGRESS_EVENTS) {
      events.addEventListener(type, (event) => onProgress(type, received(event) as { index?: number; total?: number }));
    }
    events.addEventListener("done", (event) => {
      const { submission } = received(event) as { submission: PublicSubmission };
      end();
      onDone(withDates(submission));
    });
    // The server's own `error` event carries a message; the browser's (connection lost or refused) has no data.
    events.addEventListener("error", (event) => {
      const data = (event as MessageEvent<unknown>).data;
      failed(typeof data === "string" ? ((JSON.parse(data) as { message?: string }).message ?? null) : null);
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

/** A submission as JSON has its dates as strings. */
function withDates(submission: PublicSubmission): PublicSubmission {
  const date = (value: Date | string | null) => (value === null ? null : new Date(value));
  return { ...submission, queuedAt: new Date(submission.queuedAt), startedAt: date(submission.startedAt), finishedAt: date(submission.finishedAt) };
}
