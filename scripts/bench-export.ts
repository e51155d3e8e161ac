// Bench of "Download your information": builds the export of an account with 1,000 posts (one
// 150 KB photo each, ~150 MB of photos) on an in-memory PGlite and a temp local storage folder,
// sampling the heap while the zip streams, and prints the peak growth next to the archive's size.
// The point: memory follows a page of rows and a chunk of a photo, not the account's size.
// Usage: npm run bench:export [-- --posts 2000]
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { uuidv7 } from "uuidv7";
import { openDatabase } from "@/db/client";
import { postMedia, posts, users } from "@/db/schema";
import { requestDataExport, runDataExports } from "@/lib/data-export/service";
import type { Mail, Mailer } from "@/lib/email/types";
import { createLocalStorage } from "@/lib/storage/local";

const argIndex = process.argv.indexOf("--posts");
const POSTS = argIndex > 0 ? Number(process.argv[argIndex + 1]) : 1000;
const PHOTO_BYTES = 150 * 1024;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "snapgram-bench-export-"));
  const database = openDatabase({ pgliteDir: "memory://", poolMax: 2 });
  try {
    await database.migrate();
    const { db } = database;
    const storage = createLocalStorage({ dir, secret: "bench-only-secret-0123456789abcdef" });
    const userId = uuidv7();
    await db.insert(users).values({
      id: userId,
      username: "bench_export",
      email: "bench@example.test",
      passwordHash: "x",
      name: "Bench Export",
      postCount: POSTS,
    });
    for (let start = 0; start < POSTS; start += 100) {
      const batch = Array.from({ length: Math.min(100, POSTS - start) }, (_, i) => ({
        id: uuidv7(),
        authorId: userId,
        caption: `Post ${start + i} #bench`,
      }));
      await db.insert(posts).values(batch);
      await db.insert(postMedia).values(
        batch.map((p) => ({
          postId: p.id,
          position: 0,
          variants: [{ key: `posts/${p.id}/m-1080.webp`, width: 1080, height: 1080 }],
          width: 1080,
          height: 1080,
          placeholder: "data:image/webp;base64,AA",
        })),
      );
      for (const p of batch) {
        await storage.write(`posts/${p.id}/m-1080.webp`, randomBytes(PHOTO_BYTES), "image/webp");
      }
    }
    const request = await requestDataExport(db, userId);
    if (!request.ok) throw new Error(request.message);

    const sent: Mail[] = [];
    const mailer: Mailer = { driver: "memory", send: async (m) => void sent.push(m) };
    global.gc?.();
    const base = process.memoryUsage();
    let peakHeap = base.heapUsed;
    let peakRss = base.rss;
    const sampler = setInterval(() => {
      const now = process.memoryUsage();
      peakHeap = Math.max(peakHeap, now.heapUsed);
      peakRss = Math.max(peakRss, now.rss);
    }, 20);
    const started = performance.now();
    const result = await runDataExports(db, storage, mailer, { appUrl: "http://localhost:3000" });
    clearInterval(sampler);
    const seconds = (performance.now() - started) / 1000;
    const size = (await storage.stat(`exports/${userId}/${request.data.id}.zip`))?.size ?? 0;
    console.log(
      JSON.stringify(
        {
          posts: POSTS,
          photos: mb(POSTS * PHOTO_BYTES),
          archive: mb(size),
          built: result.done,
          mails: sent.length,
          seconds: Number(seconds.toFixed(1)),
          heapBefore: mb(base.heapUsed),
          peakHeapGrowth: mb(peakHeap - base.heapUsed),
          peakRssGrowth: mb(peakRss - base.rss),
        },
        null,
        2,
      ),
    );
    if (result.done !== 1) process.exitCode = 1;
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
