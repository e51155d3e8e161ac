import { getCurrentUser } from "@/lib/auth";
import { serveEvidence } from "@/lib/media/evidence";
import { getStorage } from "@/lib/storage";

// Photos of posts removed by a moderator, kept as evidence: moderators and admins only.
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string[] }> };

export async function GET(_request: Request, { params }: Context) {
  const { key } = await params;
  return serveEvidence(await getCurrentUser(), key, getStorage());
}
