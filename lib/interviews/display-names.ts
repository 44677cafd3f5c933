// How an interview names the people in it: a guest carries "(guest)" after the name they gave; an
// interview's candidate is its candidate member, else its first guest, else nobody yet.
export function guestName(name: string): string {
  return `${name} (guest)`;
}

export function candidateName({ candidate, guest }: { candidate: { name: string } | null; guest: { name: string } | null | undefined }): string | null {
  return candidate?.name ?? (guest ? guestName(guest.name) : null);
}
