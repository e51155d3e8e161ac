import "server-only";
import type { ErrorCode } from "@/lib/result";
import { imageTypeForKey, isPublicKey, isValidKey, LOCAL_MEDIA_CACHE_CONTROL } from "./keys";
import { isLocalStorage } from "./local";
import type { Storage } from "./types";

// The HTTP side of the local driver, kept out of app/ so tests drive it with any storage. Every
// answer to a client mistake is a 4xx with `{ ok: false, code, message }`; the S3 driver gets 404.

function failure(status: number, code: ErrorCode, message: string): Response {
  return Response.json({ ok: false, code, message }, { status });
}

const notFound = () => failure(404, "NOT_FOUND", "Not found.");

const ALREADY_USED = "This upload link was already used. Start the upload again.";

/**
 * PUT /api/uploads/<key>?type&max&exp&sig: stores one signed upload, all or nothing, once: a
 * second PUT to the same link, or one after its slot was used (`slotOpen` false), gets a 409 and
 * changes nothing.
 */
export async function handleLocalUpload(
  request: Request,
  keyParts: string[],
  storage: Storage,
  slotOpen: (key: string) => Promise<boolean> = async () => true,
): Promise<Response> {
  if (!isLocalStorage(storage)) return notFound();
  const key = keyParts.join("/");
  if (!isValidKey(key)) return failure(400, "VALIDATION", "Invalid upload key.");

  const check = storage.verifyUpload(key, new URL(request.url).searchParams);
  if (!check.ok) {
    const message =
      check.reason === "expired"
        ? "This upload link has expired. Start the upload again."
        : "This upload link is not valid.";
    return failure(403, "FORBIDDEN", message);
  }
  const { contentType, maxSize } = check.grant;

  const sent = request.headers.get("content-type")?.trim().toLowerCase();
  if (sent !== contentType) {
    return failure(415, "VALIDATION", `The upload must be sent as ${contentType}.`);
  }

  const declared = request.headers.get("content-length");
  if (declared !== null) {
    if (!/^\d{1,16}$/.test(declared.trim())) {
      return failure(400, "VALIDATION", "Invalid Content-Length.");
    }
    const length = Number(declared);
    if (length > maxSize) return failure(413, "VALIDATION", `The file is over ${maxSize} bytes.`);
    if (length === 0) return failure(400, "VALIDATION", "The file is empty.");
  }
  if (!request.body) return failure(400, "VALIDATION", "The file is empty.");
  if (!(await slotOpen(key)) || (await storage.stat(key))) {
    return failure(409, "CONFLICT", ALREADY_USED);
  }

  try {
    const result = await storage.writeStream(key, request.body, maxSize);
    if (result.ok) return Response.json({ ok: true }, { status: result.created ? 201 : 200 });
    if (result.reason === "too-large") {
      return failure(413, "VALIDATION", `The file is over ${maxSize} bytes.`);
    }
    if (result.reason === "empty") return failure(400, "VALIDATION", "The file is empty.");
    if (result.reason === "exists") return failure(409, "CONFLICT", ALREADY_USED);
    return failure(400, "VALIDATION", "The upload was interrupted.");
  } catch (error) {
    console.error("local upload failed", error);
    return failure(500, "INTERNAL", "The upload could not be stored. Try again.");
  }
}

/**
 * GET/HEAD /media/<key>: public images only (posts/, avatars/), never uploads/ originals, nor the
 * held/ and evidence/ copies. `isServable` (lib/media/visibility) refuses a key whose post was
 * removed or whose account is suspended, even while its object has not moved yet.
 */
export async function handleLocalMedia(
  request: Request,
  keyParts: string[],
  storage: Storage,
  isServable: (key: string) => Promise<boolean>,
): Promise<Response> {
  if (!isLocalStorage(storage)) return notFound();
  const key = keyParts.join("/");
  const type = isPublicKey(key) ? imageTypeForKey(key) : null;
  if (type === null || !(await isServable(key))) return notFound();

  const headers = (size: number) => ({
    "Content-Type": type,
    "Content-Length": String(size),
    "Cache-Control": LOCAL_MEDIA_CACHE_CONTROL,
    "X-Content-Type-Options": "nosniff",
  });
  if (request.method === "HEAD") {
    const info = await storage.stat(key);
    return info ? new Response(null, { headers: headers(info.size) }) : notFound();
  }
  const file = await storage.openRead(key);
  return file ? new Response(file.body, { headers: headers(file.size) }) : notFound();
}
