import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { forgetSearchMatches, listRecentSearches, searchTypeahead } from "@/lib/search/queries";
import * as recent from "@/lib/search/service";
import { clearRecentSearches } from "@/lib/search/service";
import { recordSearchSchema } from "@/lib/search/validation";
import { updateProfile } from "@/lib/users/service";
import { withTestDatabase } from "./helpers/db";
import { addPosts, follow, person, storage, suspend } from "./helpers/discover";

// recordSearch takes parsed input: parsed here as recordSearchAction does (bad input:
// actions-social.test.ts).
const recordSearch = (db: Db, viewerId: string, input: unknown, now?: Date) =>
  recent.recordSearch(db, viewerId, recordSearchSchema.parse(input), now);

const database = withTestDatabase();
beforeEach(() => {
  // Each test writes new people: answers remembered from the last test would not hold.
  forgetSearchMatches();
});

const db = () => database.db;
const search = (q: unknown, viewerId: string | null = null, limit?: number) =>
  searchTypeahead(db(), { q, viewerId, limit }, storage);
const usernames = async (q: unknown) => (await search(q)).users.map((u) => u.username);

/** The people of most tests: prefixes, later words of names, near-misses. */
async function cast() {
  return {
    anaLima: await person(db(), { username: "ana.lima", name: "Ana Lima" }),
    anaa: await person(db(), { username: "anaa", name: "Anaa Souza" }),
    bruno: await person(db(), { username: "bruno", name: "Bruno Anand" }),
    mariana: await person(db(), { username: "mariana_photo", name: "Mariana Costa" }),
    benjamin: await person(db(), { username: "benjamin", name: "Ben Jamin" }),
    dana: await person(db(), { username: "dana", name: "Dana Banana" }),
  };
}

describe("searchTypeahead: people", () => {
  it('finds "Ana Lima" and "anaa" for "ana", prefixes before fuzzy matches', async () => {
    await cast();
    const found = await usernames("ana");
    expect(found.slice(0, 2).sort()).toEqual(["ana.lima", "anaa"]);
    // "Bruno Anand" matches a later word of the name: after the username/name prefixes.
    expect(found).toContain("bruno");
    expect(found.indexOf("bruno")).toBeGreaterThan(1);
    // Look-alikes ("dana") only come when nothing starts with the query.
    expect(found).not.toContain("dana");
    expect(await usernames("danna")).toContain("dana");
    // Case and a leading '@' do not matter.
    expect((await usernames("@ANA")).slice(0, 2).sort()).toEqual(["ana.lima", "anaa"]);
  });

  it("puts an exact username first and finds later words of names", async () => {
    const { anaa } = await cast();
    expect((await search("anaa")).users[0]?.id).toBe(anaa.id);
    expect(await usernames("lima")).toContain("ana.lima");
    expect(await usernames("costa")).toEqual(["mariana_photo"]);
  });

  it("finds people by similarity when the query has a typo", async () => {
    await cast();
    expect(await usernames("benjamni")).toContain("benjamin");
    expect(await usernames("marianna")).toContain("mariana_photo");
    expect(await usernames("ana lmia")).toContain("ana.lima");
  });

  it("leaves out suspended accounts and tells whom the viewer follows", async () => {
    const { anaLima, anaa } = await cast();
    const me = await person(db(), { username: "viewer" });
    await follow(db(), me.id, anaLima.id);
    await suspend(db(), anaa.id);
    const { users } = await search("ana", me.id);
    expect(users.map((u) => u.username)).not.toContain("anaa");
    expect(users.find((u) => u.id === anaLima.id)).toMatchObject({
      viewerFollows: true,
      isViewer: false,
      name: "Ana Lima",
      avatarUrl: null,
    });
  });

  it("answers a repeated query from memory, with 'Following' read for each viewer", async () => {
    const { anaLima } = await cast();
    const [me, other] = [
      await person(db(), { username: "viewer" }),
      await person(db(), { username: "other" }),
    ];
    const before = await search("ana", me.id);
    expect(before.users.find((u) => u.id === anaLima.id)?.viewerFollows).toBe(false);
    // Written straight to the table: the remembered answer is reused...
    const late = await person(db(), { username: "ana_late", name: "Ana Late" });
    await follow(db(), me.id, anaLima.id);
    const again = await search("ana", me.id);
    expect(again.users.map((u) => u.id)).toEqual(before.users.map((u) => u.id));
    // ...but whom the viewer follows is always current, and per viewer.
    expect(again.users.find((u) => u.id === anaLima.id)?.viewerFollows).toBe(true);
    expect((await search("ana", other.id)).users.find((u) => u.id === anaLima.id)).toMatchObject({
      viewerFollows: false,
    });
    // Once forgotten (a rename or new avatar does this), the new account shows.
    forgetSearchMatches();
    expect(await usernames("ana")).toContain(late.username);
  });

  it("shows a renamed account under its new name right away", async () => {
    const { anaLima } = await cast();
    expect(await usernames("zed")).toEqual([]);
    const renamed = await updateProfile(db(), anaLima.id, {
      name: "Zed Lima",
      username: "zed.lima",
      bio: "",
      website: null,
    });
    expect(renamed.ok).toBe(true);
    expect(await usernames("zed")).toEqual(["zed.lima"]);
    expect(await usernames("ana.l")).not.toContain("ana.lima");
  });

  it("treats LIKE wildcards as plain characters", async () => {
    await cast();
    const odd = await person(db(), { username: "x_x", name: "100% Real" });
    await person(db(), { username: "xax", name: "1000 Real" });
    expect(await usernames("%")).toEqual([]);
    expect(await usernames("_")).toEqual([]);
    expect(await usernames("1%")).toEqual([]);
    expect(await usernames("x_")).toEqual(["x_x"]);
    expect((await search("100%")).users[0]?.id).toBe(odd.id);
  });
});

describe("searchTypeahead: tags", () => {
  it("finds tags by prefix and similarity, '#' optional, most used first", async () => {
    const a = await person(db(), { username: "tagger" });
    await addPosts(db(), [
      { author: a.id, caption: "#sunset #sunday" },
      { author: a.id, caption: "#sunset #sun" },
      { author: a.id, caption: "#sunset" },
      { author: a.id, caption: "#travel" },
    ]);
    const { tags } = await search("sun");
    expect(tags).toEqual([
      { tag: "sun", postCount: 1 },
      { tag: "sunset", postCount: 3 },
      { tag: "sunday", postCount: 1 },
    ]);
    const hashed = await search("#SUNS");
    expect(hashed.tags[0]?.tag).toBe("sunset");
    expect(hashed.users).toEqual([]);
    expect((await search("travle")).tags.map((t) => t.tag)).toContain("travel");
    expect((await search("@sun")).tags).toEqual([]);
  });
});

describe("searchTypeahead: any input", () => {
  const nasty = [
    "",
    "   ",
    "%",
    "%%%",
    "_",
    "\\",
    "\\\\",
    "a\\",
    "'",
    "''; drop table users; --",
    '"',
    "`",
    "\u0000",
    "a\u0000b",
    "\uD800",
    "\uDC00x",
    "😀",
    "👩‍👩‍👧‍👦",
    "ana 😀",
    "مرحبا",
    "\u202Eana",
    "שלום עולם",
    "#",
    "@",
    "#%_",
    "@\\",
    "a".repeat(500),
    "%".repeat(500),
    "😀".repeat(500),
    "x".repeat(100_000),
    "[a-z]*",
    "(?:",
    "$1",
    "null",
    "<script>alert(1)</script>",
  ];

  it("returns arrays for every nasty input without throwing", async () => {
    await cast();
    const a = await person(db(), { username: "tagger" });
    await addPosts(db(), [{ author: a.id, caption: "#sunset #日本" }]);
    for (const q of [...nasty, 42, null, undefined, { q: "ana" }, ["ana"]]) {
      const result = await search(q, a.id);
      expect(Array.isArray(result.users), JSON.stringify(q)?.slice(0, 40)).toBe(true);
      expect(Array.isArray(result.tags)).toBe(true);
    }
    expect((await search("日本")).tags.map((t) => t.tag)).toEqual(["日本"]);
    expect(await usernames("\u202Eana")).toContain("anaa");
  });

  it("caps the limit", async () => {
    for (let i = 0; i < 25; i++) await person(db(), { username: `many${i}`, name: "Many" });
    expect((await search("many", null, 1000)).users).toHaveLength(20);
    expect((await search("many")).users).toHaveLength(8);
  });
});

describe("recent searches", () => {
  it("keeps the newest 10, moves a repeated one to the top, and clears", async () => {
    const me = await person(db(), { username: "me" });
    const others = [];
    for (let i = 0; i < 11; i++) others.push(await person(db(), { username: `other${i}` }));
    await addPosts(db(), [{ author: me.id, caption: "#sunset" }]);
    const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 12, 0, s));
    for (const [i, o] of others.entries()) {
      expect((await recordSearch(db(), me.id, { kind: "user", target: o.id }, at(i))).ok).toBe(
        true,
      );
    }
    expect((await recordSearch(db(), me.id, { kind: "tag", target: "#Sunset" }, at(20))).ok).toBe(
      true,
    );
    expect(
      (await recordSearch(db(), me.id, { kind: "user", target: others[3]?.id }, at(21))).ok,
    ).toBe(true);
    const list = await listRecentSearches(db(), me.id, storage);
    expect(list).toHaveLength(10);
    expect(list[0]).toMatchObject({ kind: "user", user: { username: "other3" } });
    expect(list[1]).toMatchObject({ kind: "tag", tag: "sunset", postCount: 1 });
    const names = list.flatMap((r) => (r.kind === "user" ? [r.user.username] : []));
    // other0 and other1 were pushed out.
    expect(names).toEqual([
      ...["other3", "other10", "other9", "other8", "other7", "other6", "other5", "other4"],
      "other2",
    ]);

    await suspend(db(), others[10]?.id ?? "");
    expect((await listRecentSearches(db(), me.id, storage)).length).toBe(9);
    expect(await clearRecentSearches(db(), me.id)).toBe(10);
    expect(await listRecentSearches(db(), me.id, storage)).toEqual([]);
  });

  it("refuses unknown targets", async () => {
    const me = await person(db(), { username: "me" });
    const banned = await person(db(), { status: "suspended" });
    for (const input of [
      { kind: "user", target: banned.id },
      { kind: "user", target: "0190a000-0000-7000-8000-000000000000" },
      { kind: "tag", target: "neverused" },
    ]) {
      expect(await recordSearch(db(), me.id, input)).toMatchObject({
        ok: false,
        code: "NOT_FOUND",
      });
    }
  });
});
