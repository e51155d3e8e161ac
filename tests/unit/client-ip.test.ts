import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, describe, expect, it } from "vitest";
import {
  type ClientAddressSettings,
  clientAddress,
  normalizeAddress,
  SOCKET_ADDRESS_HEADER,
} from "@/lib/auth/client-address";
import { installSocketAddressHook } from "@/lib/auth/socket-address";

const direct: ClientAddressSettings = { trustedProxyHops: 0 };
const oneProxy: ClientAddressSettings = { trustedProxyHops: 1 };
const twoProxies: ClientAddressSettings = { trustedProxyHops: 2 };
const cloudFront: ClientAddressSettings = {
  trustedProxyHops: 0,
  clientIpHeader: "x-viewer-address",
};

const h = (init: Record<string, string>) => new Headers(init);

describe("clientAddress", () => {
  it("with no proxy, ignores every forwarded header and uses the socket address", () => {
    const spoofed = h({
      "x-forwarded-for": "6.6.6.6",
      "x-real-ip": "6.6.6.6",
      "cloudfront-viewer-address": "6.6.6.6:1",
      [SOCKET_ADDRESS_HEADER]: "203.0.113.7",
    });
    expect(clientAddress(spoofed, direct)).toBe("203.0.113.7");
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6" }), direct)).toBe("unknown");
    expect(clientAddress(h({ [SOCKET_ADDRESS_HEADER]: "::ffff:198.51.100.2" }), direct)).toBe(
      "198.51.100.2",
    );
  });

  it("behind N proxies, takes the N-th X-Forwarded-For entry from the right", () => {
    // The client wrote "6.6.6.6, 7.7.7.7"; our proxy appended the address it saw.
    const viaOne = h({ "x-forwarded-for": "6.6.6.6, 7.7.7.7, 203.0.113.7" });
    expect(clientAddress(viaOne, oneProxy)).toBe("203.0.113.7");
    // Two proxies: the second appended the first proxy's address.
    const viaTwo = h({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 10.0.0.5" });
    expect(clientAddress(viaTwo, twoProxies)).toBe("203.0.113.7");
    // Fewer entries than proxies: the request did not come through them all.
    expect(clientAddress(h({ "x-forwarded-for": "203.0.113.7" }), twoProxies)).toBe("unknown");
    expect(clientAddress(h({}), oneProxy)).toBe("unknown");
    expect(clientAddress(h({ "x-forwarded-for": "6.6.6.6, not-an-ip" }), oneProxy)).toBe("unknown");
  });

  it("spoofed first hops never move a client into another address's counters", () => {
    const victim = "198.51.100.9";
    for (const settings of [direct, oneProxy, twoProxies, cloudFront]) {
      const attacker = h({
        "x-forwarded-for": `${victim}, ${victim}, 203.0.113.66, 10.0.0.5`,
        "x-real-ip": victim,
        "x-viewer-address": "203.0.113.66",
        [SOCKET_ADDRESS_HEADER]: "10.0.0.5",
      });
      expect(clientAddress(attacker, settings)).not.toBe(victim);
    }
  });

  it("behind CloudFront, reads only the configured viewer header, with or without a port", () => {
    const spoof = { "x-forwarded-for": "6.6.6.6" };
    expect(clientAddress(h({ ...spoof, "x-viewer-address": "203.0.113.7" }), cloudFront)).toBe(
      "203.0.113.7",
    );
    const viewerAddress: ClientAddressSettings = {
      trustedProxyHops: 0,
      clientIpHeader: "cloudfront-viewer-address",
    };
    const cases: [string, string][] = [
      ["203.0.113.7:46532", "203.0.113.7"],
      ["2001:db8:85a3::8a2e:370:7334:46532", "2001:db8:85a3::8a2e:370:7334"],
      ["[2001:DB8::1]:443", "2001:db8::1"],
      ["2001:db8::1", "2001:db8::1"],
    ];
    for (const [value, expected] of cases) {
      expect(
        clientAddress(h({ ...spoof, "cloudfront-viewer-address": value }), viewerAddress),
      ).toBe(expected);
    }
    expect(clientAddress(h(spoof), viewerAddress)).toBe("unknown");
  });
});

describe("normalizeAddress", () => {
  it.each([
    ["1.2.3.4", "1.2.3.4"],
    [" 1.2.3.4:80 ", "1.2.3.4"],
    ["::1", "::1"],
    ["[::1]:3000", "::1"],
    ["::ffff:10.1.2.3", "10.1.2.3"],
    ["fe80::1%eth0", "fe80::1"],
    ["1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8"],
  ])("reads %j as %j", (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it.each([
    "",
    "unknown",
    "1.2.3",
    "256.1.1.1",
    "1.2.3.4.5",
    "evil.example",
    "1:2:3:4:5:6:7:8:9:10",
    "::1::",
    "<script>",
  ])("refuses %j", (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});

describe("installSocketAddressHook", () => {
  const server = http.createServer((req, res) => {
    res.end(JSON.stringify(req.headers[SOCKET_ADDRESS_HEADER] ?? null));
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  it("records the socket address over any copy the client sent", async () => {
    installSocketAddressHook();
    installSocketAddressHook(); // twice is harmless
    await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
    const { port } = server.address() as AddressInfo;
    const res = await fetch(`http://127.0.0.1:${port}/`, {
      headers: { [SOCKET_ADDRESS_HEADER]: "6.6.6.6", "x-forwarded-for": "6.6.6.6" },
    });
    expect(await res.json()).toBe("127.0.0.1");
  });
});
