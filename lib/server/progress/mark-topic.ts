import "server-only";
// A user's own mark on a roadmap topic (learning, done, skipped), or none.
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRoadmap, topicIds } from "@/lib/exercises/roadmap";
import type { TopicStatus } from "@/lib/generated/prisma/client";

export async function markTopic({ userId, topicId, status }: { userId: string; topicId: string; status: TopicStatus | null }): Promise<void> {
  if (!topicIds(await getRoadmap()).has(topicId)) throw new AppError("NOT_FOUND", `There is no roadmap topic "${topicId}".`);
  if (status === null) await db.topicMark.deleteMany({ where: { userId, topicId } });
  else await db.topicMark.upsert({ where: { userId_topicId: { userId, topicId } }, create: { userId, topicId, status }, update: { status } });
}
