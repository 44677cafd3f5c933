import { describe, expect, it } from "vitest";
import { clientAddress, isTrustedProxy, parseTrustedProxies } from "@/lib/web-server/client-address";

describe("the client's address", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress({ socketAddress: "203.0.113.7", forwardedFor: "1.2.3.4", trusted: null })).toBe("203.0.113.7");
    expect(clientAddress({ socketAddress: "::ffff:203.0.113.7", forwardedFor: undefined, trusted: null })).toBe("203.0.113.7");
  });

  it("is the socket's peer when the peer is not a trusted proxy", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    expect(clientAddress({ socketAddress: "203.0.113.7", forwardedFor: "1.2.3.4", trusted })).toBe("203.0.113.7");
  });

  it("is the nearest address no trusted proxy vouches for, never one the client wrote further left", () => {
    const trusted = parseTrustedProxies("10.0.0.1, 10.0.0.2");
    // The client forged "6.6.6.6"; the first proxy appended the real peer it saw, 198.51.100.9.
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 198.51.100.9, 10.0.0.1", trusted })).toBe("198.51.100.9");
    expect(clientAddress({ socketAddress: "10.0.0.1", forwardedFor: ["6.6.6.6", "198.51.100.9"], trusted })).toBe("198.51.100.9");
  });

  it("stops at a hop that is not an address", () => {
    const trusted = parseTrustedProxies("10.0.0.1");
    expect(clientAddress({ socketAddress: "10.0.0.1", forwardedFor: "198.51.100.9, garbage", trusted })).toBe("10.0.0.1");
  });

  it("is the proxy itself when a trusted proxy forwards nothing", () => {
    const trusted = parseTrustedProxies("::1");
    expect(clientAddress({ socketAddress: "::1", forwardedFor: undefined, trusted })).toBe("::1");
  });

  it("knows trusted peers by address and network, IPv4 and IPv6", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 172.16.0.0/12, fd00::/8");
    expect(isTrustedProxy(trusted, "::ffff:127.0.0.1")).toBe(true);
    expect(isTrustedProxy(trusted, "172.20.1.1")).toBe(true);
    expect(isTrustedProxy(trusted, "fd12::1")).toBe(true);
    expect(isTrustedProxy(trusted, "8.8.8.8")).toBe(false);
    expect(isTrustedProxy(null, "127.0.0.1")).toBe(false);
  });

  it("refuses a trusted-proxy list it cannot read, naming the entry", () => {
    expect(parseTrustedProxies("")).toBeNull();
    expect(() => parseTrustedProxies("10.0.0.1, proxy.local")).toThrow('"proxy.local" is not an IP address');
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow("bad prefix length");
  });
});
