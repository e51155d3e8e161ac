import { getCurrentUser } from "@/lib/auth";
import { downloadResponse } from "@/lib/data-export/download";
import { getDb } from "@/lib/db";
import { getStorage } from "@/lib/storage";

// GET /api/data-exports/<id>: the owner's "Download your information" archive (lib/data-export).
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  const { id } = await context.params;
  const viewer = await getCurrentUser();
  return downloadResponse(getDb(), getStorage(), viewer, id);
}
