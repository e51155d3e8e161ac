import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCloudFrontCdn } from "@/lib/cdn/cloudfront";

// The CloudFront driver against a local stand-in for CloudFront's API: what it sends is what a
// removal asks for, in batches CloudFront accepts (at most 15 wildcard paths at a time).

type Sent = { method: string; url: string; paths: string[]; callerReference: string };
const sent: Sent[] = [];
let server: Server;
let endpoint: string;

const bodyOf = async (req: IncomingMessage) => {
  let text = "";
  for await (const chunk of req) text += chunk;
  return text;
};

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "test-key";
  process.env.AWS_SECRET_ACCESS_KEY = "test-secret";
  server = createServer(async (req, res) => {
    const xml = await bodyOf(req);
    const paths = [...xml.matchAll(/<Path>([^<]*)<\/Path>/g)].map((m) => m[1] ?? "");
    const callerReference = /<CallerReference>([^<]*)</.exec(xml)?.[1] ?? "";
    sent.push({ method: req.method ?? "", url: req.url ?? "", paths, callerReference });
    res.writeHead(201, {
      "Content-Type": "text/xml",
      Location: `${endpoint}${req.url}/I${sent.length}`,
    });
    res.end(`<?xml version="1.0" encoding="UTF-8"?>
<Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/"><Id>I${sent.length}</Id>
<Status>InProgress</Status><CreateTime>2026-01-01T00:00:00Z</CreateTime>
<InvalidationBatch><Paths><Quantity>${paths.length}</Quantity><Items>${paths
      .map((p) => `<Path>${p}</Path>`)
      .join("")}</Items></Paths><CallerReference>${callerReference}</CallerReference>
</InvalidationBatch></Invalidation>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  delete process.env.AWS_ACCESS_KEY_ID;
  delete process.env.AWS_SECRET_ACCESS_KEY;
});

describe("CloudFront CDN driver", () => {
  it("invalidates the given paths on the distribution, each call a new request", async () => {
    sent.length = 0;
    const cdn = createCloudFrontCdn({ distributionId: "E2QWRUHAPOMQZL", endpoint });
    const post = "/posts/0190a0a0-0000-7000-8000-000000000000/*";
    await cdn.invalidate([post, "/avatars/0190a0a0-0000-7000-8000-000000000001/*", post]);
    await cdn.invalidate([post]);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({
      method: "POST",
      url: "/2020-05-31/distribution/E2QWRUHAPOMQZL/invalidation",
      paths: [post, "/avatars/0190a0a0-0000-7000-8000-000000000001/*"],
    });
    expect(sent[1]?.paths).toEqual([post]);
    expect(sent[0]?.callerReference).not.toBe(sent[1]?.callerReference);
  });

  it("sends wildcard paths 15 at a time, plain ones together, and nothing for none", async () => {
    sent.length = 0;
    const cdn = createCloudFrontCdn({ distributionId: "E2QWRUHAPOMQZL", endpoint });
    const wild = Array.from({ length: 20 }, (_, i) => `/posts/p${i}/*`);
    const plain = Array.from({ length: 40 }, (_, i) => `/posts/p${i}/a-1080.webp`);
    await cdn.invalidate([...wild, ...plain]);
    await cdn.invalidate([]);
    expect(sent.map((s) => s.paths.length)).toEqual([15, 5, 40]);
    expect(sent.flatMap((s) => s.paths)).toEqual([...wild, ...plain]);
  });

  it("refuses a path that is not one of ours before sending anything", async () => {
    sent.length = 0;
    const cdn = createCloudFrontCdn({ distributionId: "E2QWRUHAPOMQZL", endpoint });
    await expect(cdn.invalidate(["posts/no-slash"])).rejects.toThrow(/invalid CDN path/);
    await expect(cdn.invalidate(["/posts/a b"])).rejects.toThrow(/invalid CDN path/);
    expect(sent).toEqual([]);
  });
});
