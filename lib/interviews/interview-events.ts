// "Something about this interview changed" (its timer, its runs), announced with NOTIFY by the web
// tier and heard by the collaboration server, which tells everyone in the room. The payload is only
// the interview's id: listeners re-read the row, so a lost notification costs a refresh, not a state.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";

export const INTERVIEW_EVENTS_CHANNEL = "interview_events";

type Sql = Pick<PrismaClient, "$executeRaw"> | Prisma.TransactionClient;

export async function announceInterviewChange(sql: Sql, interviewId: string): Promise<void> {
  await sql.$executeRaw`SELECT pg_notify(${INTERVIEW_EVENTS_CHANNEL}, ${interviewId})`;
}
