// Progress events of a submission: stored (so a reconnecting client can replay them) and announced
// with NOTIFY (so open streams learn of them at once). Used by the web tier and the worker alike.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { type SubmissionEvent, submissionEventSchema } from "@/lib/validations/submissions";

export const SUBMISSION_EVENTS_CHANNEL = "submission_events";

type Sql = Pick<PrismaClient, "$executeRaw" | "$queryRaw"> | Prisma.TransactionClient;

export interface StoredSubmissionEvent {
  seq: number;
  event: SubmissionEvent;
  createdAt: Date;
}

/** Appends an event; within a transaction it is stored and announced only if the transaction commits. */
export async function publishSubmissionEvent(sql: Sql, submissionId: string, event: SubmissionEvent): Promise<void> {
  const { type, ...data } = submissionEventSchema.parse(event);
  await sql.$executeRaw`
    WITH next AS (
      SELECT coalesce(max(seq), 0) + 1 AS seq FROM "SubmissionEvent" WHERE "submissionId" = ${submissionId}
    ), inserted AS (
      INSERT INTO "SubmissionEvent" ("submissionId", seq, type, data)
      SELECT ${submissionId}, next.seq, ${type}, ${JSON.stringify(data)}::jsonb FROM next
      RETURNING seq
    )
    SELECT pg_notify(${SUBMISSION_EVENTS_CHANNEL}, json_build_object('submissionId', ${submissionId}::text, 'seq', inserted.seq)::text)
    FROM inserted`;
}

export async function readSubmissionEvents(sql: Sql, submissionId: string, afterSeq = 0): Promise<StoredSubmissionEvent[]> {
  const rows = await sql.$queryRaw<{ seq: number; type: string; data: Record<string, unknown>; createdAt: Date }[]>`
    SELECT seq, type, data, "createdAt" FROM "SubmissionEvent"
    WHERE "submissionId" = ${submissionId} AND seq > ${afterSeq} ORDER BY seq`;
  return rows.map((row) => ({
    seq: row.seq,
    event: submissionEventSchema.parse({ type: row.type, ...row.data }),
    createdAt: row.createdAt,
  }));
}
