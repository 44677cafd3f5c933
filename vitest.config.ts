import path from "node:path";
import { defineConfig } from "vitest/config";

// One runner for every layer: unit tests beside the code (*.test.ts), integration tests against
// the real Postgres and Docker engine (*.int.test.ts), and browser tests in e2e/ (*.e2e.test.ts).
// Projects run one after another (groupOrder): the machine has two cores and the later ones are heavy.
const root = import.meta.dirname;
const ignored = ["**/node_modules/**", "**/.next/**", "**/.data/**"];
const dockerTests = ["sandbox/**/*.int.test.ts", "graders/**/*.int.test.ts", "worker/**/*.int.test.ts"];

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": path.join(root, "test/stubs/server-only.ts"),
    },
  },
  test: {
    allowOnly: !process.env.CI,
    reporters: ["default", path.join(root, "test/summary-reporter.ts")],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: ["**/*.test.ts"],
          exclude: [...ignored, "**/*.int.test.ts", "**/*.e2e.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: ["**/*.int.test.ts"],
          exclude: [...ignored, ...dockerTests],
          globalSetup: [path.join(root, "test/setup/database.ts")],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        extends: true,
        test: {
          // Real Docker engine (images built first when their content hash is new) and real Postgres.
          name: "docker",
          sequence: { groupOrder: 2 },
          include: dockerTests,
          exclude: ignored,
          globalSetup: [path.join(root, "test/setup/database.ts"), path.join(root, "sandbox/test/setup/images.ts")],
          testTimeout: 120_000,
          hookTimeout: 900_000,
          // Concurrent tests (the self-test's untimed proofs) two at a time: the machine has two cores.
          maxConcurrency: 2,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          sequence: { groupOrder: 3 },
          include: ["e2e/**/*.e2e.test.ts"],
          exclude: ignored,
          globalSetup: [path.join(root, "test/setup/database.ts"), path.join(root, "sandbox/test/setup/images.ts"), path.join(root, "e2e/setup/app-server.ts")],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
