// /roadmap — the OS roadmap: every topic with its exercises and questions, prerendered the same for
// everyone; the signed-in user's mastery, marks and cards due are filled in by the browser
// (components/roadmap/roadmap-view.tsx, from GET /api/progress/roadmap).
import type { Metadata } from "next";
import { RoadmapView } from "@/components/roadmap/roadmap-view";
import { getRoadmapProgress } from "@/lib/server/progress/get-roadmap-progress";

export const metadata: Metadata = { title: "Roadmap" };

export default async function RoadmapPage() {
  return <RoadmapView visitor={await getRoadmapProgress({ userId: null })} />;
}
