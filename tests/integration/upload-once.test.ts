import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { uploadSlots } from "@/db/schema";
import { claimSlots, requestUploads } from "@/lib/posts/service-uploads";
import { isUploadSlotOpen } from "@/lib/posts/upload-slot-state";
import { withTestDatabase } from "./helpers/db";
import { tempStorage } from "./helpers/media";
import { insertUser } from "./helpers/social";

// The local upload route asks isUploadSlotOpen before taking a PUT: a slot takes its upload only
// until a post (or an avatar) claimed it, and never after it expired.

const database = withTestDatabase();
const storage = tempStorage();
afterAll(() => storage.remove());

async function newSlot() {
  const user = await insertUser(database.db);
  const result = await requestUploads(database.db, storage, user.id, {
    purpose: "post",
    files: [{ type: "image/jpeg", size: 1000 }],
  });
  if (!result.ok) throw new Error(result.message);
  const id = result.data.slots[0]?.id ?? "";
  const [row] = await database.db.select().from(uploadSlots).where(eq(uploadSlots.id, id));
  if (!row) throw new Error("no slot");
  return row;
}

describe("isUploadSlotOpen", () => {
  it("is open for a fresh slot and closed once the slot was claimed", async () => {
    const slot = await newSlot();
    expect(await isUploadSlotOpen(database.db, slot.key)).toBe(true);
    const claim = await claimSlots(database.db, slot.userId, "post", [slot.id], new Date());
    expect(claim.ok).toBe(true);
    expect(await isUploadSlotOpen(database.db, slot.key)).toBe(false);
  });

  it("is closed for an expired slot and for keys no slot was handed out for", async () => {
    const slot = await newSlot();
    const later = new Date(slot.expiresAt.getTime() + 1000);
    expect(await isUploadSlotOpen(database.db, slot.key, later)).toBe(false);
    const otherUser = slot.key.replace(slot.userId, "00000000-0000-4000-8000-000000000000");
    expect(await isUploadSlotOpen(database.db, otherUser)).toBe(false);
    expect(await isUploadSlotOpen(database.db, "uploads/x/not-a-uuid")).toBe(false);
  });
});
