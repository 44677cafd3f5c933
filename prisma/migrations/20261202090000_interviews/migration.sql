-- CreateTable
CREATE TABLE "Interview" (
    "id" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "plannedById" TEXT NOT NULL,
    "candidateUserId" TEXT,
    "exerciseSlugs" TEXT[],
    "durationMinutes" INTEGER NOT NULL,
    "questions" TEXT[],
    "startedAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "finalCode" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Interview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewGuest" (
    "id" TEXT NOT NULL,
    "interviewId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewGuest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InterviewDocument" (
    "interviewId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "lastUpdateSeq" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InterviewDocument_pkey" PRIMARY KEY ("interviewId")
);

-- CreateTable
CREATE TABLE "InterviewDocumentUpdate" (
    "seq" BIGSERIAL NOT NULL,
    "interviewId" TEXT NOT NULL,
    "update" BYTEA NOT NULL,
    "authorKind" TEXT NOT NULL,
    "authorId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewDocumentUpdate_pkey" PRIMARY KEY ("seq")
);

-- AlterTable: a run from an interview room has the interview and its author (a user or a guest)
ALTER TABLE "Submission" ALTER COLUMN "userId" DROP NOT NULL,
ADD COLUMN "interviewId" TEXT,
ADD COLUMN "guestId" TEXT;

-- CreateIndex
CREATE INDEX "Interview_organizationId_createdAt_idx" ON "Interview"("organizationId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Interview_candidateUserId_idx" ON "Interview"("candidateUserId");

-- CreateIndex
CREATE INDEX "InterviewGuest_interviewId_idx" ON "InterviewGuest"("interviewId");

-- CreateIndex
CREATE INDEX "InterviewDocumentUpdate_interviewId_seq_idx" ON "InterviewDocumentUpdate"("interviewId", "seq");

-- CreateIndex
CREATE INDEX "Submission_interviewId_queuedAt_idx" ON "Submission"("interviewId", "queuedAt" DESC);

-- CreateIndex
CREATE INDEX "Submission_guestId_queuedAt_idx" ON "Submission"("guestId", "queuedAt" DESC);

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_plannedById_fkey" FOREIGN KEY ("plannedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Interview" ADD CONSTRAINT "Interview_candidateUserId_fkey" FOREIGN KEY ("candidateUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewGuest" ADD CONSTRAINT "InterviewGuest_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewDocument" ADD CONSTRAINT "InterviewDocument_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewDocumentUpdate" ADD CONSTRAINT "InterviewDocumentUpdate_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Submission" ADD CONSTRAINT "Submission_guestId_fkey" FOREIGN KEY ("guestId") REFERENCES "InterviewGuest"("id") ON DELETE CASCADE ON UPDATE CASCADE;
