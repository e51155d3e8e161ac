import { describe, expect, it } from "vitest";
import { normalizeTag } from "@/lib/discover/validation";
import { escapeLike, MAX_QUERY_LENGTH, normalizeSearchQuery } from "@/lib/search/normalize";

describe("normalizeSearchQuery", () => {
  it("trims, folds whitespace and reads a leading # or @ as the scope", () => {
    expect(normalizeSearchQuery("  ana   lima ")).toEqual({ text: "ana lima", scope: "all" });
    expect(normalizeSearchQuery("#Sunset")).toEqual({ text: "Sunset", scope: "tags" });
    expect(normalizeSearchQuery("@ana")).toEqual({ text: "ana", scope: "users" });
    expect(normalizeSearchQuery("##x")).toEqual({ text: "x", scope: "tags" });
  });

  it("answers null when nothing searchable is left", () => {
    for (const q of [
      "",
      "   ",
      "#",
      "@",
      "\u0000",
      "\u200B\u200F",
      "\uD800",
      42,
      null,
      undefined,
      {},
    ]) {
      expect(normalizeSearchQuery(q)).toBeNull();
    }
  });

  it("removes control and format characters and lone surrogates, keeps emoji and RTL text", () => {
    expect(normalizeSearchQuery("a\u0000b")?.text).toBe("a b");
    expect(normalizeSearchQuery("\u202Eana")?.text).toBe("ana");
    expect(normalizeSearchQuery("x\uDC00y")?.text).toBe("xy");
    expect(normalizeSearchQuery("😀 مرحبا")?.text).toBe("😀 مرحبا");
  });

  it(`keeps at most ${MAX_QUERY_LENGTH} characters, counting emoji as one`, () => {
    expect(normalizeSearchQuery("a".repeat(500))?.text).toHaveLength(MAX_QUERY_LENGTH);
    expect([...(normalizeSearchQuery("😀".repeat(500))?.text ?? "")]).toHaveLength(
      MAX_QUERY_LENGTH,
    );
    expect(normalizeSearchQuery("x".repeat(1_000_000))?.text).toHaveLength(MAX_QUERY_LENGTH);
  });
});

describe("escapeLike", () => {
  it("escapes %, _ and the backslash", () => {
    expect(escapeLike("100%_a\\b")).toBe("100\\%\\_a\\\\b");
    expect(escapeLike("plain")).toBe("plain");
  });
});

describe("normalizeTag", () => {
  it("accepts tags of any script, without '#', in lower case", () => {
    expect(normalizeTag("#Sunset")).toBe("sunset");
    expect(normalizeTag("日本")).toBe("日本");
    expect(normalizeTag("%E6%97%A5%E6%9C%AC")).toBe("日本");
    expect(normalizeTag("new_york2")).toBe("new_york2");
  });

  it("refuses what cannot be a tag", () => {
    for (const t of ["", "#", "a b", "123", "_1", "x".repeat(101), "%E0%A4%A", "a-b", "a%20b"]) {
      expect(normalizeTag(t)).toBeNull();
    }
  });
});
