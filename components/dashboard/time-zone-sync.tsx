"use client";
// Tells the server the browser's time zone when it differs from the one kept, so that streaks and
// the calendar count the user's own days; then `onSaved` reloads them.
import { useEffect } from "react";
import { rememberTimeZoneAction } from "@/lib/actions/progress-actions";

export function TimeZoneSync({ kept, onSaved }: { kept: string; onSaved: () => void }) {
  useEffect(() => {
    const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!timeZone || timeZone === kept) return;
    void rememberTimeZoneAction({ timeZone }).then((result) => result.ok && onSaved());
  }, [kept, onSaved]);
  return null;
}
