// Names that could pass for the product's own staff ("Snapgram Support", "snapgram.team",
// "SNAPGR4M Official"): only moderators and admins may take them. Checked in the register and
// profile services, which know the actor's role; the zod schemas cannot.

const PRODUCT = "snapgram";
const STAFF_WORDS = [
  "support",
  "team",
  "official",
  "admin",
  "help",
  "security",
  "safety",
  "staff",
  "moderat",
  "verified",
  "service",
  "account",
  "notice",
  "system",
];

// Letters that look alike: digits and symbols, and Cyrillic/Greek letters drawn like Latin ones.
const LOOKALIKES: Record<string, string> = {
  "0": "o",
  "1": "l",
  "3": "e",
  "4": "a",
  "5": "s",
  "6": "g",
  "7": "t",
  "9": "g",
  "@": "a",
  $: "s",
  "|": "l",
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  ѕ: "s",
  і: "i",
  г: "r",
  м: "m",
  п: "n",
  α: "a",
  ο: "o",
  ρ: "p",
  ν: "v",
};

/** The name as a reader might see it: lower-case Latin letters only, accents and gaps dropped. */
export function nameSkeleton(name: string): string {
  const folded = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  let out = "";
  for (const ch of folded) {
    const mapped = LOOKALIKES[ch] ?? ch;
    if (/[a-z]/.test(mapped)) out += mapped;
  }
  return out;
}

/** True for the product's name alone, or with a word that staff would use. */
export function impersonatesStaff(name: string): boolean {
  const skeleton = nameSkeleton(name);
  if (!skeleton.includes(PRODUCT)) return false;
  if (skeleton === PRODUCT) return true;
  return STAFF_WORDS.some((w) => skeleton.replace(PRODUCT, " ").includes(w));
}

export const RESERVED_NAME = "This name is reserved.";
export const RESERVED_USERNAME = "This username is reserved.";

type Role = "user" | "moderator" | "admin";

/**
 * Field errors for a display name or username that only staff may take, or null. `current` holds
 * the values the account already has: keeping them is never refused.
 */
export function reservedNameErrors(
  role: Role,
  wanted: { name?: string; username?: string },
  current: { name?: string; username?: string } = {},
): Record<string, string[]> | null {
  if (role !== "user") return null;
  const errors: Record<string, string[]> = {};
  if (wanted.name !== undefined && wanted.name !== current.name && impersonatesStaff(wanted.name)) {
    errors.name = [RESERVED_NAME];
  }
  if (
    wanted.username !== undefined &&
    wanted.username !== current.username &&
    impersonatesStaff(wanted.username)
  ) {
    errors.username = [RESERVED_USERNAME];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
