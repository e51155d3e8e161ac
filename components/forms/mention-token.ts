// Which @mention or #tag the caret is in the middle of, for the autocomplete (pure, unit-tested).

export type MentionToken = {
  trigger: "@" | "#";
  /** what follows the trigger up to the caret */
  text: string;
  /** index of the trigger in the value */
  start: number;
  /** the caret (end of the token being typed) */
  end: number;
};

// A username is letters, digits, "_" and "."; a tag is letters, digits and "_" (any script).
const TOKEN = /(?:^|[^\p{L}\p{N}_.@#])([@#])([\p{L}\p{N}_.]{1,30})$/u;

/** The token ending at `caret`, or null when the caret is not right after "@x…" or "#x…". */
export function tokenAt(value: string, caret: number): MentionToken | null {
  const before = value.slice(0, caret);
  const match = TOKEN.exec(before);
  if (!match) return null;
  const trigger = match[1] as "@" | "#";
  let text = match[2] ?? "";
  if (trigger === "#") text = text.replace(/\./g, "");
  if (!text) return null;
  // The character after the caret must end the word (typing inside a word suggests nothing).
  const after = value.slice(caret, caret + 1);
  if (after && /[\p{L}\p{N}_.]/u.test(after)) return null;
  return { trigger, text, start: before.length - (match[2]?.length ?? 0) - 1, end: caret };
}

/** The value with the token replaced by the chosen name and a space; the caret goes after it. */
export function insertChoice(value: string, token: MentionToken, name: string) {
  const inserted = `${token.trigger}${name} `;
  const rest = value.slice(token.end).replace(/^ /, "");
  return {
    value: value.slice(0, token.start) + inserted + rest,
    caret: token.start + inserted.length,
  };
}
