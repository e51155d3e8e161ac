import { getCurrentUser } from "@/lib/auth";
import { getDb } from "@/lib/db";
import { serveEvidence } from "@/lib/media/evidence";
import { moderationNeedsTwoFactor, TWO_FACTOR_TO_MODERATE } from "@/lib/moderation/access";
import { fail } from "@/lib/result";
import { getStorage } from "@/lib/storage";

// Photos of posts removed by a moderator, kept as evidence: moderators and admins only (with
// two-factor sign-in on, when MODERATION_REQUIRES_2FA asks for it).
export const dynamic = "force-dynamic";

type Context = { params: Promise<{ key: string[] }> };

export async function GET(_request: Request, { params }: Context) {
  const { key } = await params;
  const user = await getCurrentUser();
  if (user && (await moderationNeedsTwoFactor(getDb(), user))) {
    return Response.json(fail("FORBIDDEN", TWO_FACTOR_TO_MODERATE), { status: 403 });
  }
  return serveEvidence(user, key, getStorage());
}
