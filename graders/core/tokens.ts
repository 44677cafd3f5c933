// An io exercise's input as its drivers read it: white-space-separated tokens, taken in order, the
// integers among them at most 15 digits (the drivers' own bound) and within the statement's limits.
// Oracles' parseInput functions read with it, so that what they accept is what the drivers accept.

export class Tokens {
  private readonly tokens: string[];
  private at = 0;

  constructor(input: string) {
    this.tokens = input.split(/\s+/).filter(Boolean);
  }

  /** The next token, or undefined at the end. */
  word(): string | undefined {
    return this.tokens[this.at++];
  }

  /** The next token as an integer in [low, high], or null when it is not one. */
  integer(low: number, high: number): number | null {
    const token = this.word();
    if (token === undefined || !/^\d{1,15}$/.test(token)) return null;
    const value = Number(token);
    return value >= low && value <= high ? value : null;
  }

  /** Every token has been read. */
  get done(): boolean {
    return this.at >= this.tokens.length;
  }
}
