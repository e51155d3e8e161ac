import pLimit from "p-limit";
import sharp from "sharp";
import { timed } from "@/lib/observability/metrics";

/** Pipelines allowed to decode at once; each holds at most a few tens of MB while it runs. */
export const DEFAULT_IMAGE_QUEUE_SIZE = 2;

// libvips' operation cache only helps when the same image is processed repeatedly; uploads never
// are, so it would only hold on to decoded pixels. One libvips thread per pipeline: parallelism
// comes from the queue and from encoding the variants side by side, and fewer threads means less
// glibc heap fragmentation (measured: same latency on 2 cores, lower peak RSS). In production also
// set MALLOC_ARENA_MAX=2 (or use jemalloc): ten rounds of ten uploads then plateau near 290 MB
// RSS instead of creeping past 500 MB.
sharp.cache(false);
sharp.concurrency(1);

const queue = pLimit(DEFAULT_IMAGE_QUEUE_SIZE);

/** Runs one heavy image job through the shared bounded queue (keeps peak memory flat). */
export function runImageJob<T>(job: () => Promise<T>): Promise<T> {
  return queue(() => timed("ImageProcessingTime", job));
}

/** Changes how many image jobs may run at once (e.g. 1 on a tiny instance). */
export function setImageQueueSize(size: number): void {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError("Queue size must be an integer ≥ 1.");
  }
  queue.concurrency = size;
}

/** Queue state, for logs, health checks and the bench. */
export function imageQueueStats(): { size: number; active: number; pending: number } {
  return { size: queue.concurrency, active: queue.activeCount, pending: queue.pendingCount };
}
