// zod compiles object parsers with `new Function` where eval is allowed, and finds out by trying:
// under osprep's Content-Security-Policy (no 'unsafe-eval') that attempt is reported as a violation
// in the browser. Every contract module imports this first, so no parse ever tries.
import { z } from "zod";

z.config({ jitless: true });
