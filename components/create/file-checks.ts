import { ACCEPTED_IMAGE_TYPES, MAX_PHOTOS, MAX_UPLOAD_BYTES } from "@/lib/posts/limits";

// The checks the browser can make before anything is uploaded; the server repeats all of them
// (and sniffs the real type), these only spare the user a wasted upload.

export type AcceptedType = (typeof ACCEPTED_IMAGE_TYPES)[number];

/** What the picker and the drop zone need to know about a file. */
export type FileLike = { name: string; type: string; size: number };

/** Files left out, with a message fit to show next to the name (empty for a group of files). */
export type FileProblem = { name: string; message: string; files: number };

export const ACCEPT_ATTRIBUTE = ACCEPTED_IMAGE_TYPES.join(",");

const BY_EXTENSION: Record<string, AcceptedType> = {
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  jfif: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  avif: "image/avif",
};

const isAccepted = (type: string): type is AcceptedType =>
  (ACCEPTED_IMAGE_TYPES as readonly string[]).includes(type);

/**
 * The media type to declare for a file, or null when it is not one we take. Some systems give
 * no type (or "image/jpg"); then the file name's extension decides.
 */
export function acceptedTypeOf(file: FileLike): AcceptedType | null {
  const type = file.type.toLowerCase();
  if (isAccepted(type)) return type;
  if (type === "image/jpg" || type === "image/pjpeg") return "image/jpeg";
  if (type !== "" && type !== "application/octet-stream") return null;
  const extension = file.name.split(".").pop()?.toLowerCase() ?? "";
  return BY_EXTENSION[extension] ?? null;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why one file cannot be posted, or null when it looks fine. */
export function fileProblem(file: FileLike): string | null {
  if (acceptedTypeOf(file) === null) {
    return "This file type isn't supported. Choose a JPEG, PNG, WebP or AVIF photo.";
  }
  if (file.size === 0) return "This file is empty.";
  if (file.size > MAX_UPLOAD_BYTES) {
    return `This photo is ${formatBytes(file.size)}; photos can be at most 25 MB.`;
  }
  return null;
}

/**
 * Splits picked files into those to keep and those to refuse. `room` is how many more photos
 * fit in the post; good files past it are refused with one message that says which were kept.
 */
export function checkFiles<F extends FileLike>(
  files: readonly F[],
  room: number,
): { accepted: F[]; problems: FileProblem[] } {
  const accepted: F[] = [];
  const problems: FileProblem[] = [];
  const overflow: string[] = [];
  for (const file of files) {
    const message = fileProblem(file);
    if (message) problems.push({ name: file.name, message, files: 1 });
    else if (accepted.length < Math.max(0, room)) accepted.push(file);
    else overflow.push(file.name);
  }
  if (overflow.length > 0) {
    const kept = room > 0 ? `, so only the first ${room} ${room === 1 ? "was" : "were"} added` : "";
    problems.push({
      name: "",
      message: `A post can have at most ${MAX_PHOTOS} photos${kept}. Left out: ${overflow.join(", ")}.`,
      files: overflow.length,
    });
  }
  return { accepted, problems };
}
