// Loads ./.env (if any) before anything reads the environment; imported first by entry points.
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile(".env");
