import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, refuseOversizedAction } from "@/lib/http/body-limit";

// proxy.ts answers an oversized server-action body with 413 before Next.js reads it (Next.js
// itself turns it into a 500).

const action = { "next-action": "a".repeat(42) };

/** A body sent in chunks with no Content-Length, as a chunked upload arrives. */
function chunked(total: number, chunk = 64 * 1024): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= total) return controller.close();
      const n = Math.min(chunk, total - sent);
      sent += n;
      controller.enqueue(new Uint8Array(n));
    },
  });
}

function post(headers: Record<string, string>, body: BodyInit | ReadableStream<Uint8Array>) {
  return new Request("http://app.test/p/1", {
    method: "POST",
    headers,
    body: body as BodyInit,
    duplex: "half",
  } as RequestInit);
}

describe("refuseOversizedAction", () => {
  it("refuses by Content-Length with 413 and a message, before reading the body", async () => {
    const declared = { ...action, "content-length": String(ACTION_BODY_LIMIT_BYTES + 1) };
    const res = await refuseOversizedAction(post(declared, chunked(10)));
    expect(res?.status).toBe(413);
    expect(await res?.json()).toMatchObject({ ok: false, message: expect.stringMatching(/1 MB/) });
  });

  it("refuses a string body over the limit", async () => {
    const big = "x".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    expect((await refuseOversizedAction(post(action, big)))?.status).toBe(413);
  });

  it("lets an action body at the limit through", async () => {
    expect(
      await refuseOversizedAction(post(action, "x".repeat(ACTION_BODY_LIMIT_BYTES))),
    ).toBeNull();
  });

  it("counts a chunked body with no Content-Length", async () => {
    const over = await refuseOversizedAction(post(action, chunked(ACTION_BODY_LIMIT_BYTES + 10)));
    expect(over?.status).toBe(413);
    const under = await refuseOversizedAction(post(action, chunked(ACTION_BODY_LIMIT_BYTES - 10)));
    expect(under).toBeNull();
  });

  it("refuses a big form posted to a page without the action header (a no-JS submit)", async () => {
    const big = "x".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    for (const type of ["multipart/form-data; boundary=x", "application/x-www-form-urlencoded"]) {
      expect((await refuseOversizedAction(post({ "content-type": type }, big)))?.status).toBe(413);
    }
  });

  it("leaves other requests alone", async () => {
    const big = "x".repeat(ACTION_BODY_LIMIT_BYTES + 1);
    expect(await refuseOversizedAction(post({}, big))).toBeNull();
    // Route handlers take their own bodies (next-auth's form posts, uploads).
    const api = new Request("http://app.test/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: big,
    });
    expect(await refuseOversizedAction(api)).toBeNull();
    const get = new Request("http://app.test/", { headers: action });
    expect(await refuseOversizedAction(get)).toBeNull();
  });
});
