import { getDb } from "@/lib/db";
import { isUploadSlotOpen } from "@/lib/posts/upload-slot-state";
import { getStorage } from "@/lib/storage";
import { handleLocalUpload } from "@/lib/storage/local-routes";

// Browser uploads of the local storage driver; the signed URL is the permission (404 with S3).
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string[] }> };

export async function PUT(request: Request, { params }: Context) {
  const { key } = await params;
  return handleLocalUpload(request, key, getStorage(), (k) => isUploadSlotOpen(getDb(), k));
}
