import type { Metadata } from "next";
import { ComingSoon } from "@/components/coming-soon";

export const metadata: Metadata = { title: "Roadmap" };

export default function RoadmapPage() {
  return (
    <ComingSoon title="Roadmap">
      The OS roadmap — processes and scheduling, memory, file systems, concurrency, I/O and networking, system calls,
      and security — with your mastery of each topic and what to practise next.
    </ComingSoon>
  );
}
