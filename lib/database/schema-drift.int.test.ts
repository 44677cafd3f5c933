// The drift test: the database that prisma/migrations builds is exactly what schema.prisma says.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { describeDatabase, describeSchemaFile, type SchemaShape } from "@/lib/database/schema-drift";
import { createMigratedDatabase } from "@/test/support/database";

async function describeUrl(url: string, change?: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (change) await client.query(change);
    return await describeDatabase(client);
  } finally {
    await client.end();
  }
}

describe("prisma/migrations against schema.prisma", () => {
  let expected: SchemaShape;
  let migratedUrl: string;
  beforeAll(async () => {
    expected = await describeSchemaFile();
    migratedUrl = await createMigratedDatabase("drift");
  });

  it("describes every model of the schema", () => {
    expect(Object.keys(expected.tables).sort()).toEqual([
      "Account",
      "ActivityDay",
      "AuthThrottle",
      "Draft",
      "ExerciseProgress",
      "GradingWorker",
      "Interview",
      "InterviewDocument",
      "InterviewDocumentUpdate",
      "InterviewEvent",
      "InterviewGuest",
      "InterviewNote",
      "InterviewQuestionAsked",
      "InterviewScorecard",
      "Invitation",
      "Member",
      "Organization",
      "QuizAnswer",
      "ReviewCard",
      "ReviewLog",
      "Session",
      "Submission",
      "SubmissionEvent",
      "TeamRubric",
      "TopicMark",
      "User",
      "Verification",
    ]);
    expect(expected.tables.Submission?.indexes).toContain("index(userId,queuedAt DESC)");
  });

  it("builds tables, columns, types, nullability, keys, indexes and enums exactly as the schema declares", async () => {
    expect(await describeUrl(migratedUrl)).toEqual(expected);
  });

  describe("notices drift", () => {
    it.each([
      ["a dropped index", `DROP INDEX "Submission_status_idx"`],
      ["a column made nullable", `ALTER TABLE "Draft" ALTER COLUMN "code" DROP NOT NULL`],
      ["a changed type", `ALTER TABLE "Submission" ALTER COLUMN "attempts" TYPE BIGINT`],
      ["an extra column", `ALTER TABLE "User" ADD COLUMN "nickname" TEXT`],
      ["a missing enum value", `ALTER TYPE "Verdict" RENAME VALUE 'IE' TO 'ISE'`],
      [
        "a changed delete rule",
        `ALTER TABLE "Draft" DROP CONSTRAINT "Draft_userId_fkey", ADD CONSTRAINT "Draft_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT`,
      ],
    ])("%s", async (_what, change) => {
      const url = await createMigratedDatabase("drift_changed");
      expect(await describeUrl(url, change)).not.toEqual(expected);
    });
  });
});
