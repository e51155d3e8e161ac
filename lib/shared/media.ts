import type { MediaVariant } from "@/db/schema";
import { AVATAR_SIZES } from "@/lib/images/types";
import type { Storage } from "@/lib/storage/types";
import type { MediaView } from "./post-views";

// Where each kind of object lives in storage, and how stored rows become URLs for the browser.

/** A browser's original upload: private, deleted once processed. */
export const originalKey = (userId: string, slotId: string) => `uploads/${userId}/${slotId}`;

export const variantKey = (postId: string, mediaId: string, width: number) =>
  `posts/${postId}/${mediaId}-${width}.webp`;

/** Avatars are stored as `<base>-<size>.webp` for each of AVATAR_SIZES; users.avatar_key is the base. */
export const avatarBase = (userId: string, id: string) => `avatars/${userId}/${id}`;
export const avatarKeys = (base: string) => AVATAR_SIZES.map((s) => `${base}-${s}.webp`);

export function avatarUrl(storage: Pick<Storage, "publicUrl">, base: string | null): string | null {
  return base ? storage.publicUrl(`${base}-${AVATAR_SIZES[0]}.webp`) : null;
}

const [LARGE_AVATAR, SMALL_AVATAR] = AVATAR_SIZES;
const LARGE_AVATAR_SUFFIX = new RegExp(`-${LARGE_AVATAR}\\.webp(?=$|[?#])`);

/**
 * The `srcset` of an avatar URL from avatarUrl (its largest variant): the smaller variant beside
 * it, so the 24-56 px avatars of lists and cards load 150 px, not 320. Undefined for any other URL.
 */
export function avatarSrcSet(url: string): string | undefined {
  if (!LARGE_AVATAR_SUFFIX.test(url)) return undefined;
  const small = url.replace(LARGE_AVATAR_SUFFIX, `-${SMALL_AVATAR}.webp`);
  return `${small} ${SMALL_AVATAR}w, ${url} ${LARGE_AVATAR}w`;
}

export type MediaRow = {
  id: string;
  width: number;
  height: number;
  placeholder: string;
  alt: string;
  variants: MediaVariant[];
};

export function toMediaView(storage: Pick<Storage, "publicUrl">, row: MediaRow): MediaView {
  const srcSet = [...row.variants]
    .sort((a, b) => b.width - a.width)
    .map((v) => ({ url: storage.publicUrl(v.key), width: v.width }));
  return {
    id: row.id,
    width: row.width,
    height: row.height,
    placeholder: row.placeholder,
    alt: row.alt,
    src: srcSet[0]?.url ?? "",
    srcSet,
  };
}
