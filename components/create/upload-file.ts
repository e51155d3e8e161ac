// Sends one file to its upload slot with XMLHttpRequest: unlike fetch, it reports upload
// progress, and abort() cancels it. Works the same for S3 presigned URLs and the local driver.

/** Where the server told the browser to PUT one file (requestUploadsAction). */
export type UploadSlot = {
  id: string;
  url: string;
  method: "PUT";
  headers: Record<string, string>;
};

export type UploadOutcome = { ok: true } | { ok: false; aborted: boolean; message: string };

export type UploadHandle = { done: Promise<UploadOutcome>; abort: () => void };

// Headers a browser refuses to let scripts set; it sends its own (e.g. the real Content-Length).
const FORBIDDEN_HEADERS = new Set(["content-length", "host", "connection", "expect", "origin"]);

const STATUS_MESSAGES: Record<number, string> = {
  403: "The upload link has expired or isn't valid. Retry to get a new one.",
  413: "This photo is too large to upload (at most 25 MB).",
  415: "This file type isn't accepted. Choose a JPEG, PNG, WebP or AVIF photo.",
};

/** A message fit to show for a failed upload; uses the local driver's JSON message if any. */
export function uploadErrorMessage(status: number, body: string): string {
  if (status === 0) return "The upload was interrupted. Check your connection and retry.";
  const known = STATUS_MESSAGES[status];
  if (known) return known;
  try {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === "object" && parsed !== null && "message" in parsed) {
      const { message } = parsed as { message: unknown };
      if (typeof message === "string" && message.trim()) return message.trim().slice(0, 300);
    }
  } catch {
    // S3 answers with XML; fall through to a generic message.
  }
  return status >= 500
    ? "The storage service had a problem. Retry in a moment."
    : `The upload was refused (error ${status}). Retry to try again.`;
}

/** PUTs `file` to `slot`, calling `onProgress(loaded, total)` as bytes go out. */
export function putFile(
  file: Blob,
  slot: UploadSlot,
  onProgress: (loaded: number, total: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  let aborted = false;
  const done = new Promise<UploadOutcome>((resolve) => {
    xhr.open(slot.method, slot.url, true);
    for (const [name, value] of Object.entries(slot.headers)) {
      if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(file.size, file.size);
        resolve({ ok: true });
      } else {
        resolve({
          ok: false,
          aborted: false,
          message: uploadErrorMessage(xhr.status, xhr.responseText),
        });
      }
    };
    xhr.onerror = () => resolve({ ok: false, aborted, message: uploadErrorMessage(0, "") });
    xhr.ontimeout = () => resolve({ ok: false, aborted, message: uploadErrorMessage(0, "") });
    xhr.onabort = () => resolve({ ok: false, aborted: true, message: "Upload cancelled." });
    xhr.send(file);
  });
  return {
    done,
    abort: () => {
      aborted = true;
      xhr.abort();
    },
  };
}

/** Runs tasks with at most `limit` at once; push more while it runs, clear() drops the rest. */
export function createPool(limit: number) {
  const waiting: (() => Promise<void>)[] = [];
  let running = 0;
  const next = () => {
    while (running < limit && waiting.length > 0) {
      const task = waiting.shift();
      if (!task) break;
      running += 1;
      void task().finally(() => {
        running -= 1;
        next();
      });
    }
  };
  return {
    push(task: () => Promise<void>) {
      waiting.push(task);
      next();
    },
    clear() {
      waiting.length = 0;
    },
  };
}
