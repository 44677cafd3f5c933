// What the collaboration server tells everyone in a room, besides the document: the timer as the
// server holds it (with the server's clock, so every screen counts down to the same instant), and
// that the room's runs changed.
import "@/lib/validations/zod-setup";
import { z } from "zod";

export const roomTimerSchema = z.object({
  startedAt: z.iso.datetime().nullable(),
  endsAt: z.iso.datetime().nullable(),
  endedAt: z.iso.datetime().nullable(),
});

export type RoomTimer = z.infer<typeof roomTimerSchema>;

export const roomMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("timer"), timer: roomTimerSchema, serverNow: z.number() }),
  z.object({ type: z.literal("runs-changed") }),
]);

export type RoomMessage = z.infer<typeof roomMessageSchema>;
