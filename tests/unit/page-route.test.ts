import { NextRequest } from "next/server";
import { describe, expect, it, vi } from "vitest";
import { respondWithPage } from "@/lib/http/page-route";
import { fail } from "@/lib/result";

const request = (query = "") => new NextRequest(`http://app.test/api/list${query}`);
const page = { items: [{ id: "a" }], nextCursor: null };

describe("respondWithPage (every GET ?cursor= list route)", () => {
  it("answers the page as private JSON and passes the cursor on", async () => {
    const load = vi.fn(async () => page);
    const response = await respondWithPage(request("?cursor=abc_DEF-1"), "test", load);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(await response.json()).toEqual(page);
    expect(load).toHaveBeenCalledWith("abc_DEF-1");
  });

  it.each(["?cursor=%27%3B%20drop", "?cursor=a%20b", `?cursor=${"x".repeat(300)}`])(
    "refuses a malformed cursor %s with a 400 before any query",
    async (query) => {
      const load = vi.fn(async () => page);
      const response = await respondWithPage(request(query), "test", load);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        ok: false,
        code: "VALIDATION",
        message: "Invalid cursor.",
      });
      expect(load).not.toHaveBeenCalled();
    },
  );

  it("maps a cursor the query refused to 400 and a failure to its status", async () => {
    expect((await respondWithPage(request("?cursor=zz"), "test", async () => null)).status).toBe(
      400,
    );
    const missing = await respondWithPage(request(), "test", async () =>
      fail("NOT_FOUND", "This account doesn't exist."),
    );
    expect(missing.status).toBe(404);
    expect((await missing.json()).message).toBe("This account doesn't exist.");
    const signedOut = await respondWithPage(request(), "test", async () =>
      fail("UNAUTHENTICATED", "Sign in to continue."),
    );
    expect(signedOut.status).toBe(401);
  });

  it("answers a generic 500 without the error's details when the query throws", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await respondWithPage(request(), "test", async () => {
      throw new Error("relation secret_table does not exist");
    });
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret_table");
  });
});
