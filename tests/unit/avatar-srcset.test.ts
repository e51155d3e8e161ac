import { describe, expect, it } from "vitest";
import { AVATAR_SIZES } from "@/lib/images/types";
import { avatarKeys, avatarSrcSet, avatarUrl } from "@/lib/shared/media";

const local = { publicUrl: (key: string) => `/media/${key}` };
const cdn = { publicUrl: (key: string) => `https://cdn.example.com/${key}` };

describe("avatarSrcSet: small avatars load the small variant", () => {
  it("offers both stored variants of a local avatar, by width", () => {
    const url = avatarUrl(local, "avatars/u1/a1") ?? "";
    expect(avatarSrcSet(url)).toBe(
      "/media/avatars/u1/a1-150.webp 150w, /media/avatars/u1/a1-320.webp 320w",
    );
  });

  it("names only keys that are stored for every avatar", () => {
    const set = avatarSrcSet(avatarUrl(local, "avatars/u1/a1") ?? "") ?? "";
    const named = set.split(", ").map((c) => c.split(" ")[0]?.replace("/media/", ""));
    expect(named.sort()).toEqual(avatarKeys("avatars/u1/a1").sort());
    expect(AVATAR_SIZES).toHaveLength(2);
  });

  it("works on a CDN address and keeps a query string", () => {
    const url = avatarUrl(cdn, "avatars/u2/b2") ?? "";
    expect(avatarSrcSet(url)).toBe(
      "https://cdn.example.com/avatars/u2/b2-150.webp 150w, https://cdn.example.com/avatars/u2/b2-320.webp 320w",
    );
    expect(avatarSrcSet(`${url}?v=2`)).toBe(
      "https://cdn.example.com/avatars/u2/b2-150.webp?v=2 150w, https://cdn.example.com/avatars/u2/b2-320.webp?v=2 320w",
    );
  });

  it("leaves any other address alone (no srcset)", () => {
    expect(avatarSrcSet("/media/posts/p1/m1-1080.webp")).toBeUndefined();
    expect(avatarSrcSet("/media/avatars/u1/a1-320.webp/other.png")).toBeUndefined();
    expect(avatarSrcSet("https://example.com/me.jpg")).toBeUndefined();
  });
});
