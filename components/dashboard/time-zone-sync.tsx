"use client";
// Tells the server the browser's time zone when it differs from the one kept, so that streaks and
// the calendar count the user's own days; the page refreshes with them.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { rememberTimeZoneAction } from "@/lib/actions/progress-actions";

export function TimeZoneSync({ kept }: { kept: string }) {
  const router = useRouter();
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone || timeZone === kept) return;
    void rememberTimeZoneAction({ timeZone }).then((result) => result.ok && router.refresh());
  }, [kept, router]);
  return null;
}
