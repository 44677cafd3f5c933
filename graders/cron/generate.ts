// Crontab lines and queries for the hidden tests and the performance workloads: random lines in the
// statement's grammar (values, names in any case, ranges, steps, lists, macros), the same lines with
// one mistake of the kind people make, and queries around them.
import type { SeededRandom } from "@/graders/core/random";
import { daysFromCivil, FIELDS, type Field as FieldShape, type Query } from "@/graders/cron/crontab";

const WORDS = ["backup", "rotate-logs", "renew-certs", "sync", "report", "vacuum", "poll", "send-mail", "warm-cache", "prune", "bill", "index"];

/** A value of the field, as a number (sometimes with a leading zero) or a name in some case. */
function valueText(random: SeededRandom, shape: FieldShape, value: number): string {
  if (shape.names && random.int(0, 2) === 0 && value - shape.firstName! < shape.names.length) {
    const name = shape.names[value - shape.firstName!]!;
    return random.pick([name, name.toUpperCase(), name[0]!.toUpperCase() + name.slice(1)]);
  }
  return value < 10 && random.int(0, 9) === 0 ? `0${value}` : String(value);
}

function item(random: SeededRandom, shape: FieldShape): string {
  switch (random.int(0, 5)) {
    case 0:
      return `*/${random.int(1, Math.max(2, Math.floor((shape.high - shape.low) / 2)))}`;
    case 1:
    case 2: {
      const a = random.int(shape.low, shape.high);
      const b = random.int(a, shape.high);
      const step = random.int(0, 2) === 0 ? `/${random.int(1, 6)}` : "";
      return `${valueText(random, shape, a)}-${valueText(random, shape, b)}${step}`;
    }
    default:
      return valueText(random, shape, random.int(shape.low, shape.high));
  }
}

/** A field: `*` often, else a list of one to three items. */
export function field(random: SeededRandom, index: number, starChance = 0.4): string {
  const shape = FIELDS[index]!;
  if (random.next() < starChance) return "*";
  return Array.from({ length: random.int(1, 3) }, () => item(random, shape)).join(",");
}

export function command(random: SeededRandom): string {
  const words = [
    random.pick(WORDS),
    ...Array.from({ length: random.int(0, 2) }, () => random.pick(["--all", "-v", "/var/log", ">/dev/null", "2>&1", "%", "# not a comment"])),
  ];
  return words.join(" ");
}

const blanks = (random: SeededRandom) => random.pick([" ", " ", " ", "  ", "\t", " \t "]);

/** A valid job line: five fields or a macro, and a command. */
export function validLine(random: SeededRandom): string {
  if (random.int(0, 9) === 0)
    return `${random.pick(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly", "@reboot"])}${blanks(random)}${command(random)}`;
  // Minutes and hours are rarely `*`: a job every minute fills any window.
  const fields = [field(random, 0, 0.05), field(random, 1, 0.3), field(random, 2), field(random, 3, 0.6), field(random, 4)];
  return `${random.int(0, 9) === 0 ? " " : ""}${fields.join(blanks(random))}${blanks(random)}${command(random)}`;
}

/** Mistakes people make in a field, for the field at `index`. */
function badField(random: SeededRandom, index: number): string {
  const shape = FIELDS[index]!;
  const good = () => item(random, shape);
  const options = [
    () => String(shape.high + random.int(1, 3)), // one past the end
    () => (shape.low === 1 ? "0" : "-1"),
    () => `${shape.high}-${shape.low}`, // backwards
    () => `${good()},`, // trailing comma
    () => `${good()},,${good()}`,
    () => `${random.int(shape.low, shape.high)}/${random.int(2, 5)}`, // a step on a single value
    () => "*/0",
    () => `${shape.low}-${shape.high}/0`,
    () => "*x",
    () => "*-5",
    () => "**",
    () => `${shape.low}-`,
    () => "x",
    () => "*/mon",
    () => "1.5",
  ];
  if (shape.names) options.push(() => (index === 3 ? random.pick(["sept", "January", "ja"]) : random.pick(["Sunday", "thurs", "fri-sun", "sat-sun"])));
  else options.push(() => random.pick(["jan", "mon"]));
  return random.pick(options)();
}

/** A line with one mistake, somewhere the message names: a field, the command, or the macro. */
export function badLine(random: SeededRandom): string {
  const kind = random.int(0, 7);
  if (kind === 5) return `${random.pick(["@daily", "@hourly", "@reboot", "@weekly"])}`; // no command
  if (kind === 6) return `${random.pick(["@Daily", "@often", "@", "@dailyx", "@HOURLY", "@every"])} ${command(random)}`;
  if (kind === 7) {
    // Missing fields or a missing command.
    const fields = [field(random, 0, 0.3), field(random, 1), field(random, 2), field(random, 3), field(random, 4)];
    return fields.slice(0, random.int(1, 5)).join(" ");
  }
  const fields = [field(random, 0, 0.3), field(random, 1), field(random, 2), field(random, 3), field(random, 4)];
  const at = random.int(0, 4);
  fields[at] = badField(random, at);
  // Sometimes a later field is bad too: the message names the first.
  if (at < 4 && random.int(0, 3) === 0) {
    const later = random.int(at + 1, 4);
    fields[later] = badField(random, later);
  }
  return `${fields.join(" ")} ${command(random)}`;
}

/** A crontab of `n` lines: jobs, mistakes at `badShare`, comments and blank lines. */
export function crontab(random: SeededRandom, n: number, badShare = 0.15): string[] {
  return Array.from({ length: n }, () => {
    const roll = random.next();
    if (roll < 0.05) return random.pick(["# a comment", "   # indented comment", "", "  ", "#0 0 * * * commented-out"]);
    return roll < 0.05 + badShare ? badLine(random) : validLine(random);
  });
}

/** A minute of `year` (from January) to `year + span`. */
export function instant(random: SeededRandom, year: number, span = 0): number {
  const y = random.int(year, year + span);
  const start = daysFromCivil(y, 1, 1);
  const end = daysFromCivil(y + 1, 1, 1);
  return random.int(start, end - 1) * 1440 + random.int(0, 1439);
}

export const at = (year: number, month: number, day: number, hour = 0, minute = 0) => daysFromCivil(year, month, day) * 1440 + hour * 60 + minute;

/** NEXT queries on random lines of the crontab (comments and bad lines included). */
export function nextQueries(random: SeededRandom, lines: number, q: number, count: [number, number], years: [number, number]): Query[] {
  return Array.from({ length: q }, () => ({
    kind: "NEXT" as const,
    line: random.int(1, lines),
    count: random.int(count[0], count[1]),
    after: instant(random, years[0], years[1] - years[0]),
  }));
}
