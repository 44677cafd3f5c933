import "server-only";
import { requireAuthSecret } from "@/lib/env";
import { signRoomToken } from "@/lib/interviews/room-token";
import { requireRoomAccess, type Viewer } from "@/lib/server/interviews/room-access";

/** A fresh token for the viewer to open the interview's shared document with; only its participants get one. */
export async function mintRoomToken({ interviewId, viewer }: { interviewId: string; viewer: Viewer }): Promise<string> {
  const { participant } = await requireRoomAccess({ interviewId, viewer });
  return signRoomToken({ secret: requireAuthSecret(), interviewId, participant });
}
