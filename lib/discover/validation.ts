import { z } from "zod";
import { userIdSchema } from "@/lib/shared/ids";

// Shared by the explore and tag pages, their route handlers and the actions.

/** A tag as stored: letters, marks, digits and '_' of any script, at most 100, not only digits. */
const TAG = /^[\p{L}\p{M}\p{N}_]{1,100}$/u;

/**
 * A tag from a URL or a search box: decoded, without its '#', lower-case (as hashtags.tag is
 * stored); null when it cannot be a tag (the page answers 404).
 */
export function normalizeTag(raw: string): string | null {
  let text = raw;
  if (text.includes("%")) {
    try {
      text = decodeURIComponent(text);
    } catch {
      return null;
    }
  }
  text = text.normalize("NFC").replace(/^#/, "").toLowerCase();
  if (!TAG.test(text) || /^[\p{N}_]+$/u.test(text)) return null;
  return text;
}

export const dismissSuggestionSchema = z.object({
  userId: userIdSchema,
});
export type DismissSuggestionInput = z.infer<typeof dismissSuggestionSchema>;
