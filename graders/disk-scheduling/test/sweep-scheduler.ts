// A second disk scheduler, for tests: the head moves one cylinder at a time, serving what it
// finds, as the statement describes each policy; SSTF looks at every pending request at each
// choice. Slow (it walks every cylinder in between) and written apart from schedule.ts, so that
// the two agreeing on thousands of small workloads means something. QUIRKS are the mistakes of
// the known-bad solutions, so that grader.test.ts can show the test aimed at each one catches it.
import type { Scenario, Stop } from "@/graders/disk-scheduling/schedule";

export const QUIRKS = [
  /** SSTF: a tie between two cylinders goes to the lower one. */
  "sstf-ties-lower",
  /** SSTF: a tie always goes the scenario's direction, not the way the head last moved. */
  "sstf-ties-first-direction",
  /** SCAN behaves as LOOK: it turns at the last request instead of the disk's edge. */
  "scan-turns-at-last-request",
  /** SCAN travels to the edge in its first direction even when nothing is left behind the head. */
  "scan-edge-always",
  /** C-SCAN jumps from the far edge straight to the first request behind, not to the near edge. */
  "cscan-skips-near-edge",
  /** Requests at one cylinder, met on a downward sweep, are served in reverse input order. */
  "down-ties-reversed",
] as const;
export type Quirk = (typeof QUIRKS)[number];

export function sweepStops(s: Scenario, quirk?: Quirk): Stop[] {
  const n = s.requests.length;
  const served = new Array<boolean>(n).fill(false);
  let pending = n;
  const stops: Stop[] = [];
  const last = s.cylinders - 1;
  let at = s.head;
  let direction = s.direction === "up" ? 1 : -1;

  const serveAt = (cylinder: number) => {
    const here: number[] = [];
    for (let i = 0; i < n; i++) if (!served[i] && s.requests[i] === cylinder) here.push(i);
    if (quirk === "down-ties-reversed" && direction === -1) here.reverse();
    for (const i of here) {
      served[i] = true;
      pending--;
      stops.push({ cylinder, request: i + 1 });
    }
  };
  /** The pending request farthest the other way: the lowest going up, the highest going down. */
  const farthestBehind = () => {
    const pendingCylinders = s.requests.filter((_, i) => !served[i]);
    return direction > 0 ? Math.min(...pendingCylinders) : Math.max(...pendingCylinders);
  };
  const pendingBeyond = (cylinder: number, way: number) => s.requests.some((c, i) => !served[i] && (way > 0 ? c > cylinder : c < cylinder));

  if (s.algorithm === "FCFS") return s.requests.map((cylinder, i) => ({ cylinder, request: i + 1 }));

  if (s.algorithm === "SSTF") {
    while (pending > 0) {
      let best = -1;
      for (let i = 0; i < n; i++) {
        if (served[i]) continue;
        if (best === -1) {
          best = i;
          continue;
        }
        const d = Math.abs(s.requests[i]! - at);
        const b = Math.abs(s.requests[best]! - at);
        const way = quirk === "sstf-ties-first-direction" ? (s.direction === "up" ? 1 : -1) : direction;
        const tieWins = quirk === "sstf-ties-lower" ? s.requests[i]! < at : (s.requests[i]! - at) * way > 0;
        if (d < b || (d === b && s.requests[i] !== s.requests[best] && tieWins)) best = i;
      }
      const cylinder = s.requests[best]!;
      if (cylinder !== at) direction = cylinder > at ? 1 : -1;
      at = cylinder;
      serveAt(at);
    }
    return stops;
  }

  const circular = s.algorithm === "C-SCAN" || s.algorithm === "C-LOOK";
  const toEdge = (s.algorithm === "SCAN" && quirk !== "scan-turns-at-last-request") || s.algorithm === "C-SCAN";
  for (;;) {
    serveAt(at);
    if (pending === 0) break;
    if (!toEdge && !pendingBeyond(at, direction)) {
      if (!circular) {
        direction = -direction;
        continue;
      }
      at = farthestBehind(); // C-LOOK: straight there
      continue;
    }
    const edge = direction > 0 ? last : 0;
    if (at === edge) {
      stops.push({ cylinder: at, request: 0 });
      if (!circular) {
        direction = -direction;
        continue;
      }
      if (quirk === "cscan-skips-near-edge") {
        at = farthestBehind();
        continue;
      }
      at = direction > 0 ? 0 : last;
      stops.push({ cylinder: at, request: 0 });
      continue;
    }
    at += direction;
  }
  const turned = stops.some((stop) => stop.request === 0);
  if (quirk === "scan-edge-always" && s.algorithm === "SCAN" && !turned) stops.push({ cylinder: direction > 0 ? last : 0, request: 0 });
  return stops;
}
