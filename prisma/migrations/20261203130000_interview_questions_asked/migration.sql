-- CreateTable: the planned questions interviewers marked as asked, with the interview's clock
CREATE TABLE "InterviewQuestionAsked" (
    "interviewId" TEXT NOT NULL,
    "questionKey" TEXT NOT NULL,
    "askedById" TEXT NOT NULL,
    "clockMs" INTEGER,
    "askedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InterviewQuestionAsked_pkey" PRIMARY KEY ("interviewId","questionKey")
);

-- AddForeignKey
ALTER TABLE "InterviewQuestionAsked" ADD CONSTRAINT "InterviewQuestionAsked_interviewId_fkey" FOREIGN KEY ("interviewId") REFERENCES "Interview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InterviewQuestionAsked" ADD CONSTRAINT "InterviewQuestionAsked_askedById_fkey" FOREIGN KEY ("askedById") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
