// /dashboard — a user's standing on the whole OS roadmap and what to do next. The page is prerendered
// (the same for everyone) and the browser draws the user's dashboard from GET /api/progress/dashboard
// (components/dashboard/dashboard-view.tsx); osprep's web server sends a visitor without a session to sign in
// first (lib/web-server/signed-in-pages.ts).
import type { Metadata } from "next";
import { DashboardView } from "@/components/dashboard/dashboard-view";

export const metadata: Metadata = { title: "Dashboard" };

export default function DashboardPage() {
  return <DashboardView />;
}
