"use client";
// The countdown everyone in the room sees: to the server's end time, on the server's clock.
import { useEffect, useState } from "react";
import type { RoomTimer } from "@/lib/interviews/room-messages";

export function remainingMs(timer: RoomTimer, clockOffsetMs: number, now = Date.now()): number | null {
  if (timer.endedAt) return 0;
  if (!timer.endsAt) return null;
  return Math.max(0, Date.parse(timer.endsAt) - (now + clockOffsetMs));
}

export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${pad(minutes)}:${pad(seconds)}`;
}

export function RoomClock({ timer, clockOffsetMs, durationMinutes }: { timer: RoomTimer; clockOffsetMs: number; durationMinutes: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(tick);
  }, []);
  const remaining = remainingMs(timer, clockOffsetMs, now);
  const label = remaining === null ? `Not started · ${durationMinutes} min` : remaining === 0 ? "Interview over" : `${formatRemaining(remaining)} left`;
  return (
    <p
      role="timer"
      aria-live="off"
      data-testid="room-timer"
      data-remaining-ms={remaining ?? ""}
      className={`font-mono text-sm tabular-nums ${remaining !== null && remaining > 0 && remaining < 5 * 60_000 ? "text-amber-600" : ""}`}
    >
      {label}
    </p>
  );
}
