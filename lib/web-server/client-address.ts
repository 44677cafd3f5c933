// Who is on the other end of a request. A forwarding header (X-Forwarded-For) is anyone's to write,
// so it is believed only as far as it was written by proxies the operator named in
// OSPREP_TRUSTED_PROXIES; with none named (the default) the client is the socket's peer.
import { BlockList, isIP } from "node:net";

export class TrustedProxiesError extends Error {
  override name = "TrustedProxiesError";
}

/** "10.0.0.1, 10.1.0.0/16, ::1" → the addresses and networks whose forwarding headers are believed. */
export function parseTrustedProxies(text: string | undefined): BlockList | null {
  const entries = (text ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const list = new BlockList();
  for (const entry of entries) {
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    if (family === 0) throw new TrustedProxiesError(`"${entry}" is not an IP address or network (such as 10.0.0.1 or 10.0.0.0/8).`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
      continue;
    }
    const bits = Number(prefix);
    if (!/^\d+$/.test(prefix) || bits > (family === 4 ? 32 : 128)) throw new TrustedProxiesError(`"${entry}" has a bad prefix length.`);
    list.addSubnet(address, bits, type);
  }
  return list;
}

/** An IPv4 address Node reports as IPv6 (::ffff:1.2.3.4) in its plain form. */
export function normaliseAddress(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1]! : address;
}

/** True when the socket's peer is one of the trusted proxies, whose forwarding headers are believed. */
export function isTrustedProxy(trusted: BlockList | null, socketAddress: string | undefined): boolean {
  return trusted !== null && isTrusted(trusted, normaliseAddress(socketAddress ?? ""));
}

function isTrusted(trusted: BlockList, address: string): boolean {
  const family = isIP(address);
  return family !== 0 && trusted.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then X-Forwarded-For
 * is read from its right end (the hop nearest to us) past every trusted proxy, and the first
 * address no trusted proxy vouches for is the client. Entries further left were written by the
 * client itself and are never believed.
 */
export function clientAddress(options: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trusted: BlockList | null }): string {
  const peer = normaliseAddress(options.socketAddress ?? "unknown");
  if (!options.trusted || !isTrustedProxy(options.trusted, peer)) return peer;
  const header = Array.isArray(options.forwardedFor) ? options.forwardedFor.join(",") : (options.forwardedFor ?? "");
  const hops = header
    .split(",")
    .map((hop) => normaliseAddress(hop.trim()))
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i]!;
    if (isIP(hop) === 0) break; // not an address: whoever wrote it is not to be believed further
    client = hop;
    if (!isTrusted(options.trusted, hop)) break;
  }
  return client;
}
