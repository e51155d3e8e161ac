import { describe, expect, it } from "vitest";
import { impersonatesStaff, nameSkeleton, reservedNameErrors } from "@/lib/auth/reserved-names";
import { displayNameSchema, registerSchema } from "@/lib/auth/validation";

const INVISIBLE = "Name can't contain invisible or text-direction characters.";

describe("displayNameSchema", () => {
  it.each([
    ["right-to-left override", "Ana\u202Egnp.exe"],
    ["left-to-right embedding", "\u202AAna"],
    ["pop directional formatting", "Ana\u202C"],
    ["right-to-left isolate", "Ana \u2067x"],
    ["first strong isolate", "Ana \u2068x\u2069"],
    ["left-to-right mark", "Ana\u200E"],
    ["right-to-left mark", "A\u200Fna"],
    ["Arabic letter mark", "Ana\u061Cx"],
    ["zero-width space", "Snap\u200Bgram"],
    ["zero-width non-joiner", "Ana\u200CLima"],
    ["zero-width joiner between letters", "Ana\u200DLima"],
    ["word joiner", "Ana\u2060Lima"],
    ["byte-order mark inside", "Ana\uFEFFLima"],
    ["soft hyphen", "Ana\u00ADLima"],
    ["tag character", "Ana\u{E0041}"],
  ])("refuses a %s, naming the field", (_what, name) => {
    const result = displayNameSchema.safeParse(name);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(INVISIBLE);
  });

  it("refuses control characters, C1 included", () => {
    for (const name of ["Ana\u0007", "Ana\u0085Lima", "Ana\u009B"]) {
      expect(displayNameSchema.safeParse(name).success).toBe(false);
    }
  });

  it.each([
    "Ana Lima",
    "José Ñúñez",
    "محمد علي",
    "李小龙",
    "Zoë 📷",
    "Dev 👩‍💻",
    "Family 👨‍👩‍👧",
    "Love ❤️‍🔥",
    "Coder 👩🏽‍💻",
  ])("accepts %s", (name) => {
    expect(displayNameSchema.safeParse(name)).toEqual({ success: true, data: name });
  });

  it("says which field is wrong in a whole form", () => {
    const result = registerSchema.safeParse({
      email: "a@example.com",
      username: "ana",
      name: "Ana\u202E",
      password: "long enough password",
    });
    expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["name", INVISIBLE],
    ]);
  });
});

describe("names that pass for staff", () => {
  it.each([
    "Snapgram",
    "SNAPGRAM",
    "Snapgram Support",
    "Snapgram Team",
    "snapgram official",
    "The Snapgram Team",
    "Snapgram Help",
    "Snapgram Security",
    "Admin of Snapgram",
    "Snap gram Support",
    "S.n.a.p.g.r.a.m Support",
    "Snapgr4m Supp0rt",
    "SnapGram-Safety",
    "Snäpgram Help",
    "Ѕnарgrаm Support", // Cyrillic Ѕ, а, р
    "snapgram_support",
    "snapgram.team",
    "official.snapgram",
  ])("reserves %j", (name) => {
    expect(impersonatesStaff(name)).toBe(true);
  });

  it.each([
    "Ana Lima",
    "Snapgram fan",
    "I love snapgram photos",
    "Support group",
    "Team Ana",
    "snap",
  ])("leaves %j free", (name) => {
    expect(impersonatesStaff(name)).toBe(false);
  });

  it("reads names as a person would", () => {
    expect(nameSkeleton("Snap Gr@m!")).toBe("snapgram");
    expect(nameSkeleton("Ĵōśé 5")).toBe("joses");
  });

  it("refuses them for users only, and never a name the account already has", () => {
    const wanted = { name: "Snapgram Support", username: "snapgram_help" };
    expect(reservedNameErrors("user", wanted)).toEqual({
      name: ["This name is reserved."],
      username: ["This username is reserved."],
    });
    expect(reservedNameErrors("moderator", wanted)).toBeNull();
    expect(reservedNameErrors("admin", wanted)).toBeNull();
    expect(reservedNameErrors("user", wanted, wanted)).toBeNull();
    expect(reservedNameErrors("user", { name: "Ana", username: "ana" })).toBeNull();
  });
});
