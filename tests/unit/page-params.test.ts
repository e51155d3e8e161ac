import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/pagination/cursor";
import { pageLimit, pageParams, readCursor } from "@/lib/pagination/page-params";

const size = { fallback: 20, max: 60 };
const someId = "0190a4d2-7c1e-7a2b-8c3d-4e5f60718293";

describe("pageLimit (the size of every list's page)", () => {
  it.each([
    ["missing", undefined, 20],
    ["NaN", Number.NaN, 20],
    ["in range", 7, 7],
    ["the max", 60, 60],
    ["huge", 1_000_000, 60],
    ["Infinity", Number.POSITIVE_INFINITY, 60],
    ["zero", 0, 1],
    ["negative", -5, 1],
    ["-Infinity", Number.NEGATIVE_INFINITY, 1],
    ["non-integer", 7.9, 7],
    ["a fraction below 1", 0.5, 1],
    ["a negative fraction", -0.5, 1],
  ])("%s (%s) gives %s", (_what, asked, expected) => {
    expect(pageLimit(asked, size)).toBe(expected);
  });

  it("always answers an integer SQL can take as a LIMIT", () => {
    for (const asked of [undefined, Number.NaN, -1e9, 1e300, 3.5, 59.99]) {
      const limit = pageLimit(asked, size);
      expect(Number.isInteger(limit) && limit >= 1 && limit <= size.max).toBe(true);
    }
  });
});

describe("pageParams (a list query's cursor and size)", () => {
  it("starts at the first page without a cursor (or with an empty one)", () => {
    expect(pageParams({}, size)).toEqual({ limit: 20, after: null });
    expect(pageParams({ cursor: "", limit: 5 }, size)).toEqual({ limit: 5, after: null });
    expect(pageParams({ cursor: null, limit: Number.NaN }, size)).toEqual({
      limit: 20,
      after: null,
    });
  });

  it("decodes a keyset cursor", () => {
    const createdAt = new Date("2026-01-02T03:04:05.678Z");
    const page = pageParams({ cursor: encodeCursor({ createdAt, id: someId }) }, size);
    expect(page).toEqual({ limit: 20, after: { createdAt, id: someId } });
  });

  it("is null for a cursor that does not decode", () => {
    expect(pageParams({ cursor: "Zm9vYmFy" }, size)).toBeNull();
  });

  it("decodes a list's own cursor format with its decoder", () => {
    const decode = (c: string) => (c === "ok" ? { rank: 3 } : null);
    expect(pageParams({ cursor: "ok", limit: 2 }, size, decode)).toEqual({
      limit: 2,
      after: { rank: 3 },
    });
    expect(pageParams({ cursor: "no" }, size, decode)).toBeNull();
  });
});

describe("readCursor (the ?cursor= of a list route)", () => {
  const read = (query: string) => readCursor(new URLSearchParams(query));

  it("is undefined when absent or empty", () => {
    expect(read("")).toBeUndefined();
    expect(read("cursor=")).toBeUndefined();
  });

  it("passes base64url text on", () => {
    expect(read("cursor=abc_DEF-1")).toBe("abc_DEF-1");
    expect(read(`cursor=${"a".repeat(200)}`)).toBe("a".repeat(200));
  });

  it.each([
    ["SQL", "%27%3B%20drop"],
    ["a space", "a%20b"],
    ["a NUL byte", "a%00b"],
    ["padding", "YQ%3D%3D"],
    ["201 characters", "a".repeat(201)],
  ])("is null for %s", (_what, value) => {
    expect(read(`cursor=${value}`)).toBeNull();
  });
});
