import { getStorage } from "@/lib/storage";
import { handleLocalMedia } from "@/lib/storage/local-routes";

// Public images of the local storage driver (media/, avatars/ only; 404 with S3).
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string[] }> };

export async function GET(request: Request, { params }: Context) {
  const { key } = await params;
  return handleLocalMedia(request, key, getStorage());
}

export async function HEAD(request: Request, { params }: Context) {
  const { key } = await params;
  return handleLocalMedia(request, key, getStorage());
}
