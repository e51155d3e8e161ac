import type { FieldErrors } from "@/lib/result";

/**
 * Field errors that name one photo ("media.2", "media.2.crop", "files.2") grouped by its
 * position; the rest (caption, form-level) stay in `other`.
 */
export function errorsByPhoto(fieldErrors: FieldErrors | undefined): {
  byIndex: Map<number, string[]>;
  other: Record<string, string[]>;
} {
  const byIndex = new Map<number, string[]>();
  const other: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(fieldErrors ?? {})) {
    if (!messages || messages.length === 0) continue;
    const match = /^(?:media|files)[.[](\d+)/.exec(key);
    if (match) {
      const index = Number(match[1]);
      byIndex.set(index, [...(byIndex.get(index) ?? []), ...messages]);
    } else {
      other[key] = [...(other[key] ?? []), ...messages];
    }
  }
  return { byIndex, other };
}
