// Loads ./.env (if any) before anything reads the environment; imported first by the launcher.
import { existsSync } from "node:fs";

if (existsSync(".env")) process.loadEnvFile(".env");
