// Tests may wire any layers together (see .dependency-cruiser.cjs), but no code may import a test,
// or test plumbing would end up in the app's bundle or the worker.
const code = require("./.dependency-cruiser.cjs");

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "code-never-imports-tests",
      severity: "error",
      from: { pathNot: "(\\.test\\.tsx?$|/test/|^test/|^e2e/|^bench/)" },
      to: { path: "(\\.test\\.tsx?$|/test/|^test/|^e2e/)" },
    },
    ...code.forbidden.filter((rule) => rule.name === "no-unresolvable-import"),
  ],
  options: { ...code.options, exclude: { path: "(^|/)(node_modules|\\.next|lib/generated)/|^sandbox/test/hostile/" } },
};
