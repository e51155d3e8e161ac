import { getDb } from "@/lib/db";
import { isMediaServable } from "@/lib/media/visibility";
import { getStorage } from "@/lib/storage";
import { handleLocalMedia } from "@/lib/storage/local-routes";

// Public images of the local storage driver (posts/, avatars/ only; 404 with S3): only while
// their post is visible and their account active.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string[] }> };

const isServable = (key: string) => isMediaServable(getDb(), key);

export async function GET(request: Request, { params }: Context) {
  const { key } = await params;
  return handleLocalMedia(request, key, getStorage(), isServable);
}

export async function HEAD(request: Request, { params }: Context) {
  const { key } = await params;
  return handleLocalMedia(request, key, getStorage(), isServable);
}
