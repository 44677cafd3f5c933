// The verdicts a grading can end with.
import { z } from "zod";

export const VERDICTS = ["AC", "WA", "TLE", "MLE", "OLE", "RE", "CE", "IE"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const verdictSchema = z.enum(VERDICTS);
