// Demo photos for `npm run seed`: avatars and a few dozen posts made with sharp (no downloads),
// shared through the same code path as a real upload (slots, processing, createPost).
import { eq } from "drizzle-orm";
import { demoSceneName, makeDemoAvatar, makeDemoPhoto } from "../lib/images/demo";
import type { Aspect } from "../lib/images/types";
import { createPost } from "../lib/posts/service";
import { requestUploads } from "../lib/posts/service-uploads";
import type { Storage } from "../lib/storage/types";
import { setAvatar } from "../lib/users/service";
import type { Db } from "./client";
import { uploadSlots, users } from "./schema";

const captions: Record<string, string[]> = {
  sunset: ["Golden hour never gets old #sunset #goldenhour", "Sky on fire tonight 🔥 #sunset"],
  ocean: ["Salt in the air, sand in my hair #ocean #beach", "Blue on blue #ocean #travel"],
  forest: ["Lost in the green #forest #hiking", "Morning fog between the pines #nature #forest"],
  city: ["City lights after the rain #city #streetphotography", "Night walk #city #nightshots"],
  desert: ["Dunes for days #desert #travel", "Quiet out here #desert #minimal"],
};

const aspects: Aspect[] = ["1:1", "4:5", "1.91:1", "4:5"];
const friends: Record<string, string> = {
  ana: "ben.k",
  "ben.k": "chloe_eats",
  chloe_eats: "dev.rao",
  "dev.rao": "ana",
};

/** Uploads one original into a fresh slot, as the browser would. */
async function stage(
  db: Db,
  storage: Storage,
  userId: string,
  purpose: "post" | "avatar",
  photo: Buffer,
) {
  const slots = await requestUploads(db, storage, userId, {
    purpose,
    files: [{ type: "image/jpeg", size: photo.length }],
  });
  if (!slots.ok) throw new Error(`seed: no upload slot: ${slots.message}`);
  const slotId = slots.data.slots[0]?.id ?? "";
  const [slot] = await db.select().from(uploadSlots).where(eq(uploadSlots.id, slotId));
  if (!slot) throw new Error("seed: slot vanished");
  await storage.write(slot.key, photo, "image/jpeg");
  return slotId;
}

/**
 * Gives each demo account without posts an avatar and `perUser` posts, one every `hoursApart`
 * hours back from now (each account `stagger` hours further back). `firstIndex` picks which of
 * the generated pictures the first account gets, so two groups of accounts look different.
 */
export async function seedPosts(
  db: Db,
  storage: Storage,
  accounts: { username: string; name: string }[],
  { perUser = 7, firstIndex = 0, hoursApart = 24, stagger = 8 } = {},
) {
  let created = 0;
  const now = Date.now();
  for (const [index, account] of accounts.entries()) {
    const u = index + firstIndex;
    const [user] = await db.select().from(users).where(eq(users.username, account.username));
    if (!user || user.postCount > 0) continue;
    if (!user.avatarKey) {
      const initials = account.name
        .split(/\s+/)
        .map((w) => w[0] ?? "")
        .join("");
      const avatar = await makeDemoAvatar(u + 1, initials);
      await setAvatar(db, storage, user.id, {
        slotId: await stage(db, storage, user.id, "avatar", avatar),
      });
    }
    for (let i = 0; i < perUser; i++) {
      const seed = u * 31 + i * 7 + 1;
      const count = i % 3 === 1 ? 2 : 1;
      const media = [];
      for (let k = 0; k < count; k++) {
        const photo = await makeDemoPhoto(seed + k * 5);
        media.push({
          slotId: await stage(db, storage, user.id, "post", photo),
          alt: `A generated ${demoSceneName(seed + k * 5)} scene`,
        });
      }
      const scene = demoSceneName(seed);
      const lines = captions[scene] ?? ["#snapgram"];
      const friend = friends[account.username];
      const caption = `${lines[i % lines.length]}${friend && i % 4 === 0 ? ` with @${friend}` : ""}`;
      // Newest last; the demo accounts' seven posts spread over the last week and a bit.
      const at = new Date(now - ((perUser - i) * hoursApart + index * stagger) * 3600_000);
      const result = (
        await createPost(
          db,
          storage,
          user.id,
          { aspect: aspects[(i + u) % aspects.length] ?? "1:1", caption, media },
          at,
        )
      ).result;
      if (!result.ok) throw new Error(`seed: post failed: ${result.message}`);
      created += 1;
    }
  }
  return created;
}
