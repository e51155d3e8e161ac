import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/auth/redirect";

// Where a browser lands when it follows `Location: <path>` from this site.
function landsOn(path: string): string {
  return new URL(path, "https://snapgram.test/login").origin;
}

describe("safeNextPath", () => {
  it.each([
    ["/accounts/settings", "/accounts/settings"],
    ["/p/123?x=1#c", "/p/123?x=1#c"],
    ["/a/../b", "/b"],
    ["/explore/tags/caf%C3%A9", "/explore/tags/caf%C3%A9"],
    ["/search?q=a%2F%2Fb", "/search?q=a%2F%2Fb"],
  ])("keeps the same-site path %s", (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it.each([
    "https://evil.example",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "/\t/evil.example",
    "/\n/evil.example",
    "evil.example",
    "",
    undefined,
    42,
    `/${"a".repeat(3000)}`,
    // Paths that only become `//host` once dot segments are resolved.
    "/a/..//evil.example",
    "/a/../..//evil.example",
    "/.//evil.example",
    "/./..//evil.example",
    "/a/%2e%2e//evil.example",
    "/a/%2E%2E//evil.example",
    "/a/.%2e//evil.example",
    "/a/%2e.//evil.example",
    "/%2e//evil.example",
    "/a/%2e%2e/%2fevil.example",
    "/a/..///evil.example",
    "/a/b/../..//evil.example/x?y#z",
    // Backslashes, raw or encoded, in any position: browsers read `\` as `/`.
    "/a/..\\/evil.example",
    "/a/\\..//evil.example",
    "/a\\b",
    "/a/%5c/evil.example",
    "/%5C%5Cevil.example",
    // Tabs and newlines, raw or where a parser would drop them.
    "/a/.\t./\t/evil.example",
    "/\r\n/evil.example",
    "/a/%09/../..//evil.example",
  ])("refuses %j", (next) => {
    expect(safeNextPath(next)).toBe("/");
  });

  it("never returns a path a browser would follow off the site", () => {
    const pieces = [
      "/",
      "//",
      "..",
      ".",
      "%2e",
      "%2E",
      "%2f",
      "%5c",
      "\\",
      "\t",
      "a",
      "evil.example",
    ];
    // Every sequence of up to four pieces, behind a leading slash.
    const inputs: string[] = [""];
    for (let depth = 0; depth < 4; depth++) {
      for (const prefix of [...inputs]) for (const p of pieces) inputs.push(prefix + p);
    }
    for (const tail of inputs) {
      const out = safeNextPath(`/${tail}`);
      expect(out.startsWith("/") && !out.startsWith("//"), `${tail} -> ${out}`).toBe(true);
      expect(landsOn(out), `${tail} -> ${out}`).toBe("https://snapgram.test");
      // The output is stable: passing it through again changes nothing.
      expect(safeNextPath(out)).toBe(out);
    }
  });
});
