import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Interviews" };

export default function InterviewsPage() {
  return (
    <ComingSoon title="Mock interviews">
      Interview rooms for your team: chosen exercises and questions, a timer, a shared live editor, private notes for the interviewer, a scorecard pre-filled
      from the graders, and a replay afterwards.
    </ComingSoon>
  );
}
