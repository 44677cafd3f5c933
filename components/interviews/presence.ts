// Who is in the room, from the Yjs awareness states, and the styles that draw each remote person's
// cursor and selection (y-monaco's yRemoteSelection-<clientID> classes) in their colour with their name.
export interface PresenceUser {
  name: string;
  color: string;
  role: "interviewer" | "candidate";
}

export interface Present extends PresenceUser {
  clientId: number;
  self: boolean;
}

const PALETTE = ["#2563eb", "#db2777", "#16a34a", "#ea580c", "#7c3aed", "#0891b2", "#ca8a04", "#dc2626"];

/** A colour for a person, the same on every screen and every visit. */
export function colorFor(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length]!;
}

function isPresenceUser(value: unknown): value is PresenceUser {
  const user = value as Partial<PresenceUser> | null;
  return (
    typeof user?.name === "string" &&
    user.name.length <= 100 &&
    typeof user.color === "string" &&
    /^#[0-9a-f]{6}$/i.test(user.color) &&
    (user.role === "interviewer" || user.role === "candidate")
  );
}

export function presentPeople(states: Map<number, Record<string, unknown>>, selfId: number): Present[] {
  const people: Present[] = [];
  for (const [clientId, state] of states) {
    if (isPresenceUser(state.user)) people.push({ ...state.user, clientId, self: clientId === selfId });
  }
  return people.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

/** Any text as a CSS string: every character but letters, digits and spaces escaped, so a name cannot end the rule. */
export function cssString(text: string): string {
  return `"${[...text].map((char) => (/[\p{L}\p{N} ]/u.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `)).join("")}"`;
}

export function remoteCursorStyles(people: Present[]): string {
  return people
    .filter((person) => !person.self)
    .map(({ clientId, color, name }) =>
      [
        `.yRemoteSelection-${clientId} { background-color: ${color}33; }`,
        `.yRemoteSelectionHead-${clientId} { position: absolute; height: 100%; box-sizing: border-box; border-left: 2px solid ${color}; }`,
        `.yRemoteSelectionHead-${clientId}::after { content: ${cssString(name)}; position: absolute; top: -1.1em; left: -2px; padding: 0 4px; font-size: 10px; line-height: 1.1em; white-space: nowrap; color: #fff; background: ${color}; border-radius: 3px 3px 3px 0; pointer-events: none; }`,
      ].join("\n"),
    )
    .join("\n");
}
