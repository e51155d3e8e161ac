// What a search box sends becomes a safe query here (pure, shared by the route and the tests):
// anything a user can type, paste or forge ends as a short clean string or as nothing.

/** Longer queries are cut here (in characters), before any SQL sees them. */
export const MAX_QUERY_LENGTH = 100;

export type SearchScope = "all" | "users" | "tags";
export type SearchQuery = { text: string; scope: SearchScope };

// Control and format characters (NUL, RTL overrides, zero-width joiners...), and halves of
// surrogate pairs with no other half: PostgreSQL refuses NUL, and none of them can match a name.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The query to run, or null when nothing searchable is left. A leading '#' searches tags only,
 * a leading '@' people only. Whitespace runs become one space; at most MAX_QUERY_LENGTH
 * characters are kept.
 */
export function normalizeSearchQuery(raw: unknown): SearchQuery | null {
  if (typeof raw !== "string") return null;
  let text = [...raw.slice(0, MAX_QUERY_LENGTH * 4)]
    .slice(0, MAX_QUERY_LENGTH * 2)
    .join("")
    .replace(LONE_SURROGATE, "")
    .normalize("NFC")
    .replace(INVISIBLE, " ")
    .replace(/\s+/gu, " ")
    .trim();
  let scope: SearchScope = "all";
  if (text.startsWith("#")) scope = "tags";
  else if (text.startsWith("@")) scope = "users";
  if (scope !== "all") text = text.replace(/^[#@]+/, "").trim();
  text = [...text].slice(0, MAX_QUERY_LENGTH).join("").trim();
  return text ? { text, scope } : null;
}

/** `text` with LIKE's wildcards and escape character escaped (for `like ... escape '\'`). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Trigram (fuzzy) matching needs three characters to be meaningful; below, prefixes only. */
export const FUZZY_MIN_LENGTH = 3;
