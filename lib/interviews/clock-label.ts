// The interview's clock as people read it: "12:34" into the interview, "1:02:05" past an hour.
export function clockLabel(clockMs: number | null): string {
  if (clockMs === null) return "before the start";
  const seconds = Math.floor(clockMs / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const two = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}
