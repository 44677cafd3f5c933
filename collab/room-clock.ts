// The rooms' timers, held by the server. The web tier changes an interview's timer in the database
// and announces it (NOTIFY); the clock hears that, tells everyone in the room, and at the end (the
// interviewer's, or the time running out) locks the candidate's editor and keeps the final code.
import type { Connection, Document, Hocuspocus } from "@hocuspocus/server";
import pg from "pg";
import type { Logger } from "pino";
import { requireDatabaseUrl } from "@/lib/env";
import { INTERVIEW_EVENTS_CHANNEL } from "@/lib/interviews/interview-events";
import { interviewPhase } from "@/lib/interviews/interview-phase";
import type { RoomMessage } from "@/lib/interviews/room-messages";
import type { RoomParticipant } from "@/lib/interviews/room-token";
import { keepFinalCode, type RoomContext, type RoomInterview, readRoomInterview } from "@/collab/room-interviews";

const RECONNECT_MS = 1_000;
/** setTimeout's longest wait; a later end is scheduled again when this one fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export class RoomClock {
  private hocuspocus: Hocuspocus | null = null;
  private readonly rooms = new Map<string, { interview: RoomInterview; timer: NodeJS.Timeout | null }>();
  private client: pg.Client | null = null;
  private stopped = false;

  constructor(private readonly logger: Logger) {}

  attach(hocuspocus: Hocuspocus): void {
    this.hocuspocus = hocuspocus;
  }

  /** Whether the participant may only read: the candidate, once the interview has ended. */
  locksOut(interview: RoomInterview, participant: RoomParticipant): boolean {
    return participant.role === "candidate" && interviewPhase(interview) === "finished";
  }

  /** A document was loaded: follow its interview's timer. */
  watch(interview: RoomInterview, document: Document): void {
    this.rooms.set(interview.id, { interview, timer: null });
    this.schedule(interview.id);
    if (interviewPhase(interview) === "finished" && !interview.finalCodeKept) void this.keep(interview, document);
  }

  forget(interviewId: string): void {
    const room = this.rooms.get(interviewId);
    if (room?.timer) clearTimeout(room.timer);
    this.rooms.delete(interviewId);
  }

  /** Tells a participant who just connected where the timer is. */
  greet(interviewId: string, connection: Connection): void {
    const room = this.rooms.get(interviewId);
    if (room) connection.sendStateless(JSON.stringify(this.timerMessage(room.interview)));
  }

  async listen(): Promise<void> {
    const client = new pg.Client({ connectionString: requireDatabaseUrl() });
    client.on("notification", (message) => {
      if (message.payload && this.rooms.has(message.payload)) void this.refresh(message.payload);
    });
    const lost = (error?: Error) => {
      if (this.client !== client || this.stopped) return;
      this.logger.warn({ err: error }, "the room clock lost its database connection; connecting again");
      this.client = null;
      client.end().catch(() => undefined);
      setTimeout(() => this.reconnect(), RECONNECT_MS).unref();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    await client.connect();
    await client.query(`LISTEN ${INTERVIEW_EVENTS_CHANNEL}`);
    this.client = client;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const id of [...this.rooms.keys()]) this.forget(id);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private reconnect(): void {
    if (this.stopped) return;
    this.listen().then(
      // Anything announced while away is in the table: every room reads its interview again.
      () => {
        for (const id of this.rooms.keys()) void this.refresh(id);
      },
      () => setTimeout(() => this.reconnect(), RECONNECT_MS).unref(),
    );
  }

  private async refresh(interviewId: string): Promise<void> {
    try {
      const interview = await readRoomInterview(interviewId);
      const room = this.rooms.get(interviewId);
      if (!room) return;
      if (!interview) return this.close(interviewId); // deleted by an owner, with its recording
      room.interview = interview;
      this.broadcast(interviewId, this.timerMessage(interview));
      this.broadcast(interviewId, { type: "runs-changed" });
      this.schedule(interviewId);
    } catch (error) {
      this.logger.error({ err: error, interviewId }, "could not read an interview's timer");
    }
  }

  private schedule(interviewId: string): void {
    const room = this.rooms.get(interviewId);
    if (!room) return;
    if (room.timer) clearTimeout(room.timer);
    room.timer = null;
    const { interview } = room;
    if (interviewPhase(interview) === "finished") {
      this.end(interview);
      return;
    }
    if (!interview.endsAt) return;
    const wait = Math.min(MAX_TIMER_MS, Math.max(0, interview.endsAt.getTime() - Date.now()));
    room.timer = setTimeout(() => {
      room.timer = null;
      if (interviewPhase(room.interview) === "finished") {
        this.broadcast(interviewId, this.timerMessage(room.interview));
        this.end(room.interview);
      } else this.schedule(interviewId);
    }, wait + 5);
    room.timer.unref();
  }

  /** The interview is gone: everyone is disconnected (they are refused if they come back) and its room forgotten. */
  private close(interviewId: string): void {
    this.forget(interviewId);
    const document = this.hocuspocus?.documents.get(interviewId);
    for (const connection of document?.getConnections() ?? []) connection.close({ code: 4404, reason: "The interview was deleted." });
  }

  /** The end: the candidate's editor is locked (on the server, whatever the browser does) and the final code kept. */
  private end(interview: RoomInterview): void {
    const document = this.hocuspocus?.documents.get(interview.id);
    if (!document) return;
    for (const connection of document.getConnections()) {
      const participant = (connection.context as Partial<RoomContext>).participant;
      if (participant && this.locksOut(interview, participant)) connection.readOnly = true;
    }
    if (!interview.finalCodeKept) void this.keep(interview, document);
  }

  private async keep(interview: RoomInterview, document: Document): Promise<void> {
    try {
      await keepFinalCode(interview, document);
      interview.finalCodeKept = true;
    } catch (error) {
      this.logger.error({ err: error, interviewId: interview.id }, "could not keep an interview's final code");
    }
  }

  private broadcast(interviewId: string, message: RoomMessage): void {
    this.hocuspocus?.documents.get(interviewId)?.broadcastStateless(JSON.stringify(message));
  }

  private timerMessage(interview: RoomInterview): RoomMessage {
    const iso = (date: Date | null) => date?.toISOString() ?? null;
    return {
      type: "timer",
      timer: { startedAt: iso(interview.startedAt), endsAt: iso(interview.endsAt), endedAt: iso(interview.endedAt) },
      serverNow: Date.now(),
    };
  }
}
