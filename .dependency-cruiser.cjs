// The layers' boundaries (ARCHITECTURE.md, "Layers"), checked by `npm test` (`npm run lint`): each
// rule names what a folder may not import. This is the code's structure, so tests (which wire layers
// together on purpose, and live beside what they test) are left out; .dependency-cruiser.tests.cjs
// checks that no code imports a test.
const SOURCES = "^(app|components|contracts|graders|lib|sandbox|worker|collab|scripts|cli|e2e|test|bench)/";
const TESTS = "(\\.test\\.tsx?$|/test/|^test/|^e2e/)";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-folder-cycle",
      comment: "Folders form layers: no folder reaches back into one that imports it.",
      severity: "error",
      scope: "folder",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-module-cycle",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "contracts-are-a-leaf",
      comment: "contracts/ holds the types and schemas every layer shares; it imports nothing of the project.",
      severity: "error",
      from: { path: "^contracts/" },
      to: { path: SOURCES, pathNot: "^contracts/" },
    },
    {
      name: "sandbox-imports-only-contracts",
      comment: "The sandbox runs untrusted code and knows nothing of exercises, graders or the web.",
      severity: "error",
      from: { path: "^sandbox/" },
      to: { path: SOURCES, pathNot: "^(sandbox|contracts)/" },
    },
    {
      name: "graders-stay-out-of-worker-and-web",
      severity: "error",
      from: { path: "^graders/" },
      to: { path: "^(worker|app|components)/" },
    },
    {
      name: "lib-stays-out-of-the-web-layer",
      comment: "lib/ is what routes, components and the collaboration server call; it never calls them back.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components|collab)/" },
    },
    {
      name: "components-stay-out-of-routes-and-graders",
      comment: "Components reach the server through lib/actions and the HTTP API; graders (hidden tests) never reach a browser.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(app|graders|worker)/" },
    },
    {
      name: "collab-stays-out-of-web-and-grading",
      comment: "The collaboration server shares lib/ with the web tier; it never runs routes, components, graders or the sandbox.",
      severity: "error",
      from: { path: "^collab/" },
      to: { path: "^(app|components|graders|worker|sandbox|scripts)/" },
    },
    {
      name: "cli-imports-only-contracts",
      severity: "error",
      from: { path: "^cli/" },
      to: { path: SOURCES, pathNot: "^(cli|contracts)/" },
    },
    {
      name: "no-unresolvable-import",
      severity: "error",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: `(^|/)(node_modules|\\.next|lib/generated)/|${TESTS}` },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"] },
  },
};
