// Splits user text (captions, bios, comments) into plain text, #hashtags and @mentions. Pure and
// shared: the server extracts tags and mentions from it, components render links from it.

export type CaptionToken =
  | { type: "text"; text: string }
  | { type: "tag"; text: string; tag: string }
  | { type: "mention"; text: string; username: string };

// A tag: '#' then letters, digits or '_' in any script (at most 100); a mention: '@' then a
// username (a-z 0-9 . _, at most 30, no trailing period). Neither may follow a word character.
const pattern = /(^|[^\p{L}\p{N}_&/])(?:#([\p{L}\p{M}\p{N}_]{1,100})|@([A-Za-z0-9._]{1,30}))/gu;

export function tokenizeCaption(input: string): CaptionToken[] {
  const tokens: CaptionToken[] = [];
  let last = 0;
  const pushText = (text: string) => {
    if (!text) return;
    const prev = tokens.at(-1);
    if (prev?.type === "text") prev.text += text;
    else tokens.push({ type: "text", text });
  };
  for (const m of input.matchAll(pattern)) {
    const lead = m[1] ?? "";
    const start = (m.index ?? 0) + lead.length;
    const tag = m[2];
    let name = m[3];
    if (tag !== undefined && /^[\p{N}_]+$/u.test(tag)) continue; // "#1" is not a tag
    if (name !== undefined) {
      name = name.replace(/\.+$/, "");
      if (!name || name.startsWith(".")) continue;
    }
    pushText(input.slice(last, start));
    if (tag !== undefined) {
      tokens.push({ type: "tag", text: `#${tag}`, tag: tag.toLowerCase() });
      last = start + 1 + tag.length;
    } else if (name !== undefined) {
      tokens.push({ type: "mention", text: `@${name}`, username: name.toLowerCase() });
      last = start + 1 + name.length;
    }
  }
  pushText(input.slice(last));
  return tokens;
}

/** Distinct lower-case hashtags and mentioned usernames of a text, in order of appearance. */
export function extractTagsAndMentions(input: string, limit = 30) {
  const tags = new Set<string>();
  const mentions = new Set<string>();
  for (const t of tokenizeCaption(input)) {
    if (t.type === "tag" && tags.size < limit) tags.add(t.tag);
    if (t.type === "mention" && mentions.size < limit) mentions.add(t.username);
  }
  return { tags: [...tags], mentions: [...mentions] };
}
