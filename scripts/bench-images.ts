// Bench for the photo pipeline: latency of one 12 MP upload and peak memory of ten at once.
// Usage: npm run bench:images   (exits 0 unless something throws; prints PASS/FAIL per target)
import { execFileSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import sharp from "sharp";
import { makeDemoPhoto } from "../lib/images/demo";
import { imageQueueStats } from "../lib/images/limit";
import { processPostPhoto } from "../lib/images/process";
import type { ProcessedPhoto } from "../lib/images/types";

const TARGET_MEDIAN_MS = 400;
const TARGET_PEAK_MB = 500;
const RUNS = 15;
const P3_RUNS = 8;
const MAKE_INPUT = "--make-input";
const WARMUPS = 2;
const CONCURRENT = 10;
const NOISE = { type: "gaussian", mean: 128, sigma: 34 } as const;

const mb = (bytes: number) => bytes / 1024 / 1024;
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

function percentile(sorted: number[], p: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

// A 4000x3000 landscape scene with film-grain texture, stored sideways with EXIF orientation 6
// (as phones store portrait shots), so it decodes and compresses like a real camera JPEG.
async function makeCameraJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const scene = await makeDemoPhoto(7, { width, height, quality: 95 });
  const grain = { width, height, channels: 3 as const, background: "#808080", noise: NOISE };
  return sharp(scene)
    .composite([{ input: { create: grain }, blend: "soft-light" }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

// Sorted durations of `runs` sequential pipelines (after warm-ups) and the last result.
async function timeSequential(photo: Buffer, runs: number) {
  const run = () => processPostPhoto(photo, { aspect: "4:5" });
  for (let i = 0; i < WARMUPS; i++) await run();
  const times: number[] = [];
  let last: ProcessedPhoto | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await run();
    times.push(performance.now() - start);
  }
  return { times: times.sort((a, b) => a - b), last };
}

// Made in a child process, so the memory spent drawing it does not count against the pipeline.
function cameraJpegFromChild(): Buffer {
  const script = process.argv[1] ?? "scripts/bench-images.ts";
  return execFileSync(process.execPath, [...process.execArgv, script, MAKE_INPUT], {
    maxBuffer: 64 * 1024 * 1024,
  });
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const original = cameraJpegFromChild();
  const meta = await sharp(original).metadata();
  console.log(
    `input: ${meta.width}x${meta.height} JPEG, orientation ${meta.orientation}, ` +
      `${mb(original.length).toFixed(2)} MB (made in ${Math.round(performance.now() - t0)} ms)`,
  );
  console.log(
    `sharp: libvips ${sharp.versions.vips}, threads/pipeline ${sharp.concurrency()}, ` +
      `queue ${imageQueueStats().size}, MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? "unset"}, ` +
      `${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`,
  );

  const { times, last } = await timeSequential(original, RUNS);
  const median = percentile(times, 50);
  console.log(
    `variants: ${(last?.variants ?? []).map((v) => `${v.width}x${v.height} ${(v.data.length / 1024).toFixed(0)} KB`).join(", ")}; ` +
      `placeholder ${last?.placeholder.length} chars`,
  );
  console.log(
    `(a) sequential x${RUNS} (all variants + placeholder): median ${median.toFixed(0)} ms, ` +
      `p95 ${percentile(times, 95).toFixed(0)} ms, min ${times[0]?.toFixed(0)} ms ` +
      `-> ${verdict(median <= TARGET_MEDIAN_MS)} (target median <= ${TARGET_MEDIAN_MS} ms)`,
  );

  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const start = performance.now();
  // Ten distinct buffers, as ten separate uploads would arrive.
  const uploads = Array.from({ length: CONCURRENT }, () => Buffer.from(original));
  const results = await Promise.all(uploads.map((buf) => processPostPhoto(buf, { aspect: "4:5" })));
  const wall = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `(b) ${results.length} at once through the queue: wall ${wall.toFixed(0)} ms, ` +
      `peak RSS ${mb(peak).toFixed(0)} MB (before: ${mb(baseline).toFixed(0)} MB) ` +
      `-> ${verdict(mb(peak) < TARGET_PEAK_MB)} (target peak < ${TARGET_PEAK_MB} MB)`,
  );

  // Informational: an iPhone-style Display P3 photo also pays for a colour conversion.
  const p3 = await sharp(original)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6, icc: "p3" })
    .toBuffer();
  const p3Times = (await timeSequential(p3, P3_RUNS)).times;
  console.log(
    `(c) same photo tagged Display P3, x${P3_RUNS}: median ${percentile(p3Times, 50).toFixed(0)} ms, ` +
      `p95 ${percentile(p3Times, 95).toFixed(0)} ms (informational)`,
  );

  console.log(`total bench time ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

if (process.argv.includes(MAKE_INPUT)) {
  makeCameraJpeg().then((jpeg) => process.stdout.write(jpeg));
} else {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
