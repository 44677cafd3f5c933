-- CreateTable: a team's scorecard rubric
CREATE TABLE "TeamRubric" (
    "organizationId" TEXT NOT NULL,
    "dimensions" JSONB NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TeamRubric_pkey" PRIMARY KEY ("organizationId")
);

-- CreateTable: interviewers' scorecards, with the grading signals kept as evidence
CREATE TABLE "InterviewScorecard" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "rubric" JSONB NOT NULL,
    "scores" JSONB NOT NULL,
    "recommendation" TEXT,
    "summary" TEXT NOT NULL DEFAULT '',
    "signals" JSONB NOT NULL,
    "submittedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewScorecard_pkey" PRIMARY KEY ("id")
);

-- CreateTable: what happened in a room besides the code (hints, timer, selection, cursors)
CREATE TABLE "InterviewEvent" (
    "seq" BIGSERIAL NOT NULL,
    "interviewId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "data" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewEvent_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE UNIQUE INDEX "InterviewScorecard_interviewId_authorId_key" ON "InterviewScorecard"("interviewId", "authorId");

-- CreateIndex
CREATE INDEX "InterviewEvent_interviewId_seq_idx" ON "InterviewEvent"("interviewId", "seq");

-- AddForeignKey
ALTER TABLE "TeamRubric" ADD CONSTRAINT "TeamRubric_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamRubric" ADD CONSTRAINT "TeamRubric_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewScorecard" ADD CONSTRAINT "InterviewScorecard_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewScorecard" ADD CONSTRAINT "InterviewScorecard_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewEvent" ADD CONSTRAINT "InterviewEvent_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;
