"use client";
// The room's shared document: a Hocuspocus provider on /collab (same origin), opened with a room
// token minted for this viewer (fresh on every reconnect), the viewer's presence, and what the
// server says besides the document (the timer, "the runs changed"). Offline, the document keeps
// every edit; the provider merges them when the connection is back.
import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import "@/lib/validations/zod-setup";
import { colorFor, type Present, presentPeople } from "@/components/interviews/presence";
import { roomTokenAction } from "@/lib/actions/interview-actions";
import { ROOM_STATE, type RoomSelection, roomSelection } from "@/lib/interviews/room-document";
import { type RoomTimer, roomMessageSchema } from "@/lib/interviews/room-messages";
import type { RoomParticipant } from "@/lib/interviews/room-token";

export type RoomConnection = "connecting" | "connected" | "offline" | "refused";

export function collabUrl(): string {
  return `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
}

export function useRoomDocument(options: { interviewId: string; participant: RoomParticipant; timer: RoomTimer; serverNow: number }) {
  const { interviewId, participant } = options;
  const doc = useMemo(() => new Y.Doc(), []);
  const [provider, setProvider] = useState<HocuspocusProvider | null>(null);
  const [connection, setConnection] = useState<RoomConnection>("connecting");
  const [synced, setSynced] = useState(false);
  const [readOnlyScope, setReadOnlyScope] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [selection, setSelection] = useState<RoomSelection | null>(null);
  const [people, setPeople] = useState<Present[]>([]);
  const [timer, setTimer] = useState({ timer: options.timer, clockOffsetMs: options.serverNow - Date.now() });
  const [runsRevision, setRunsRevision] = useState(0);

  useEffect(() => {
    const created = new HocuspocusProvider({
      url: collabUrl(),
      name: interviewId,
      document: doc,
      // Asked again on every (re)connection: a token lives two minutes.
      token: async () => {
        const minted = await roomTokenAction({ interviewId });
        if (!minted.ok) {
          setProblem(minted.error.message);
          setConnection("refused");
          created.disconnect();
          return "";
        }
        return minted.data;
      },
      onStatus: ({ status }) =>
        setConnection((previous) =>
          previous === "refused"
            ? previous
            : status === WebSocketStatus.Connected
              ? "connected"
              : status === WebSocketStatus.Connecting
                ? "connecting"
                : "offline",
        ),
      // Once the first sync is done the editor stays editable: offline edits are kept and merged later.
      onSynced: ({ state }) => setSynced((previous) => previous || state),
      onAuthenticated: () => setReadOnlyScope(created.authorizedScope === "readonly"),
      onAuthenticationFailed: () => {
        setProblem((previous) => previous ?? "The room refused this connection: reload the page to join again.");
        setConnection("refused");
        created.disconnect();
      },
      onStateless: ({ payload }) => {
        let message: ReturnType<typeof roomMessageSchema.parse>;
        try {
          message = roomMessageSchema.parse(JSON.parse(payload));
        } catch {
          return;
        }
        if (message.type === "timer") setTimer({ timer: message.timer, clockOffsetMs: message.serverNow - Date.now() });
        else setRunsRevision((revision) => revision + 1);
      },
    });
    created.setAwarenessField("user", { name: participant.name, color: colorFor(participant.id), role: participant.role });
    const awareness = created.awareness!;
    const onPeople = () => setPeople(presentPeople(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID));
    awareness.on("change", onPeople);
    onPeople();
    const state = doc.getMap(ROOM_STATE);
    const onSelection = () => setSelection(roomSelection(doc));
    state.observe(onSelection);
    onSelection();
    setProvider(created);
    return () => {
      awareness.off("change", onPeople);
      state.unobserve(onSelection);
      created.destroy();
    };
  }, [doc, interviewId, participant.id, participant.name, participant.role]);

  /** Shows another exercise or language to everyone. */
  const select = (next: RoomSelection) => {
    doc.transact(() => {
      const state = doc.getMap<string>(ROOM_STATE);
      state.set("exercise", next.exercise);
      state.set("language", next.language);
    });
  };

  return { doc, provider, connection, synced, readOnlyScope, problem, selection, select, people, ...timer, runsRevision };
}
