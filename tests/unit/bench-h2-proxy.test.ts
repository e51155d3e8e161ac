import http from "node:http";
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forwardable, type H2Proxy, startH2Proxy } from "@/scripts/bench/h2-proxy";

// bench:lighthouse --h2 puts this HTTP/2 front before the app (as CloudFront is in production):
// what reaches the app and the browser must be the same requests and answers.

let upstream: http.Server;
let proxy: H2Proxy;
const seen: { method?: string; url?: string; headers: http.IncomingHttpHeaders; body: string }[] =
  [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => {
      body += chunk;
    });
    req.on("end", () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.setHeader("set-cookie", ["a=1; Path=/", "b=2; Path=/"]);
      res.setHeader("connection", "keep-alive");
      res.writeHead(req.url === "/missing" ? 404 : 200, { "content-type": "text/plain" });
      res.end(`echo ${req.method} ${req.url} ${body}`);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
  const { port } = upstream.address() as AddressInfo;
  proxy = await startH2Proxy(`http://127.0.0.1:${port}`);
});

afterAll(async () => {
  await proxy?.close();
  await new Promise((resolve) => upstream?.close(resolve));
});

function h2(path: string, init: { method?: string; body?: string; cookie?: string } = {}) {
  return new Promise<{ status: number; headers: http2.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const session = http2.connect(proxy.url, { rejectUnauthorized: false });
      session.on("error", reject);
      const stream = session.request({
        ":path": path,
        ":method": init.method ?? "GET",
        ...(init.cookie ? { cookie: init.cookie } : {}),
      });
      let body = "";
      let headers: http2.IncomingHttpHeaders = {};
      stream.on("response", (h) => {
        headers = h;
      });
      stream.on("data", (chunk) => {
        body += chunk;
      });
      stream.on("end", () => {
        session.close();
        resolve({ status: Number(headers[":status"]), headers, body });
      });
      stream.end(init.body);
    },
  );
}

describe("bench HTTP/2 front", () => {
  it("speaks HTTP/2 and passes method, path, query, cookies and body through", async () => {
    const res = await h2("/p/1?x=2", { method: "POST", body: "hello", cookie: "s=abc" });
    expect(res.status).toBe(200);
    expect(res.body).toBe("echo POST /p/1?x=2 hello");
    const last = seen.at(-1);
    expect(last?.headers.cookie).toBe("s=abc");
    expect(last?.headers.host).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(res.headers["set-cookie"]).toEqual(["a=1; Path=/", "b=2; Path=/"]);
    // A connection header is illegal in HTTP/2: it is dropped, not forwarded.
    expect(res.headers.connection).toBeUndefined();
  });

  it("keeps the app's status codes", async () => {
    expect((await h2("/missing")).status).toBe(404);
  });

  it("drops pseudo-headers and hop-by-hop headers", () => {
    expect(
      forwardable({ ":path": "/", connection: "close", "keep-alive": "5", accept: "text/html" }),
    ).toEqual({ accept: "text/html" });
  });
});
