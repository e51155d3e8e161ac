// Where a photo object lives while its owner's state calls for it. Pure, so the media route, the
// job runner and the evidence route agree on one mapping.
//   public    posts/<postId>/<file>, avatars/<userId>/<file>  served to everyone
//   held      held/<public key>      an account is suspended or deleted; restore moves it back
//   evidence  evidence/<public key>  a moderator removed the post; moderators alone read it
// Only posts/ and avatars/ are ever routed to browsers (app/media, and the SST router).

export type Place = "public" | "held" | "evidence";

/** How long a removed post's evidence copy outlives the post when its author deletes it. */
export const EVIDENCE_RETENTION_DAYS = 90;

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const POST_KEY = new RegExp(`^posts/(${UUID})/[a-z0-9_.-]+\\.webp$`);
const AVATAR_KEY = new RegExp(`^avatars/(${UUID})/([a-z0-9-]+)-\\d+\\.webp$`);

export type MediaOwner =
  | { kind: "post"; postId: string }
  | { kind: "avatar"; userId: string; base: string };

/** Whose photo a public key is: a post's variant or an account's avatar; null for anything else. */
export function ownerOfKey(key: string): MediaOwner | null {
  const post = POST_KEY.exec(key);
  if (post?.[1]) return { kind: "post", postId: post[1] };
  const avatar = AVATAR_KEY.exec(key);
  if (avatar?.[1] && avatar[2]) {
    return { kind: "avatar", userId: avatar[1], base: `avatars/${avatar[1]}/${avatar[2]}` };
  }
  return null;
}

/** The storage key of a public key's object at a place. */
export function keyAt(place: Place, key: string): string {
  return place === "public" ? key : `${place}/${key}`;
}
