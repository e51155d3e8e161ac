import "server-only";
import { Readable } from "node:stream";
import { ZipFile } from "yazl";
import type { Executor } from "@/db/client";
import { keyAt } from "@/lib/media/locations";
import { avatarKeys } from "@/lib/shared/media";
import type { Storage } from "@/lib/storage/types";
import { htmlHead, htmlPost, htmlTail, photoPath } from "./html";
import {
  type ExportPost,
  exportCommentsPage,
  exportFollowsPage,
  exportPostsPage,
  exportProfile,
  exportReactionsPage,
  PAGE_SIZE,
} from "./queries";

// The archive, streamed: yazl writes one entry at a time into its output stream, and every
// entry's bytes come from a stream opened only when its turn comes (a photo from storage, a JSON
// file or index.html from database pages), so memory holds a page of rows and a chunk of a photo,
// never the account's posts or the archive. The caller pipes `stream` into storage.

type Cursor = { createdAt: Date; id: string } | null;

/** Rows of every page, fetched as the reader asks for them. */
async function* paged<R extends { cursor: NonNullable<Cursor> }>(
  page: (cursor: Cursor) => Promise<R[]>,
): AsyncGenerator<Omit<R, "cursor">> {
  let cursor: Cursor = null;
  for (;;) {
    const rows = await page(cursor);
    for (const { cursor: _c, ...row } of rows) yield row;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE_SIZE) return;
    cursor = last.cursor;
  }
}

async function* postPages(db: Executor, userId: string): AsyncGenerator<ExportPost> {
  let after: Cursor = null;
  for (;;) {
    const rows = await exportPostsPage(db, userId, after);
    yield* rows;
    const last = rows.at(-1);
    if (!last || rows.length < PAGE_SIZE) return;
    after = { createdAt: last.createdAt, id: last.id };
  }
}

/** A JSON array written row by row. */
function jsonArray(rows: AsyncIterable<object>): Readable {
  return Readable.from(
    (async function* () {
      let first = true;
      yield Buffer.from("[");
      for await (const row of rows) {
        yield Buffer.from(`${first ? "\n" : ",\n"}  ${JSON.stringify(row)}`);
        first = false;
      }
      yield Buffer.from(first ? "]\n" : "\n]\n");
    })(),
  );
}

/** A stored photo: its public copy, or the held one while the account is suspended. */
async function photoStream(storage: Storage, key: string): Promise<Readable> {
  const stream = (await storage.readStream(key)) ?? (await storage.readStream(keyAt("held", key)));
  if (!stream) throw new Error(`photo missing from storage: ${key}`);
  return stream;
}

/** Streams the owner's archive; `stream` errors if any part fails (the export is retried). */
export function exportArchive(
  db: Executor,
  storage: Storage,
  userId: string,
  generatedAt: Date,
): Readable {
  const zip = new ZipFile();
  const out = zip.outputStream as Readable;
  const fail = (error: unknown) =>
    out.destroy(error instanceof Error ? error : new Error(String(error)));
  zip.on("error", fail);
  // yazl does not listen for a source stream's errors: each one fails the whole archive here.
  // Photos are WebP, already compressed: stored as they are, byte for byte.
  const lazy = (name: string, open: () => Promise<Readable> | Readable, compress = true) =>
    zip.addReadStreamLazy(name, { mtime: generatedAt, compress }, (done) => {
      const opened = async () => open();
      opened().then(
        (stream) => {
          stream.on("error", fail);
          done(null, stream);
        },
        (error: unknown) => {
          done(error, Readable.from([]));
        },
      );
    });

  const fill = async () => {
    const profile = await exportProfile(db, userId);
    if (!profile) throw new Error("the account no longer exists");
    const avatarKey = profile.avatarKey ? avatarKeys(profile.avatarKey)[0] : undefined;
    const avatar = avatarKey ? "avatar.webp" : null;
    const { avatarKey: _a, id: _id, ...shown } = profile;
    zip.addBuffer(
      Buffer.from(`${JSON.stringify({ ...shown, avatar, exportedAt: generatedAt }, null, 2)}\n`),
      "profile.json",
      { mtime: generatedAt },
    );
    if (avatarKey) lazy("avatar.webp", () => photoStream(storage, avatarKey), false);
    lazy("index.html", () =>
      Readable.from(
        (async function* () {
          yield Buffer.from(htmlHead({ ...profile, avatar }, generatedAt));
          let count = 0;
          for await (const post of postPages(db, userId)) {
            count += 1;
            yield Buffer.from(htmlPost(post));
          }
          yield Buffer.from(htmlTail(count));
        })(),
      ),
    );
    lazy("posts.json", () =>
      jsonArray(
        (async function* () {
          for await (const post of postPages(db, userId)) {
            yield {
              id: post.id,
              caption: post.caption,
              status: post.status,
              createdAt: post.createdAt,
              likeCount: post.likeCount,
              commentCount: post.commentCount,
              photos: post.media.map((m) => ({
                file: photoPath(post.id, m.position),
                width: m.width,
                height: m.height,
                alt: m.alt,
              })),
            };
          }
        })(),
      ),
    );
    lazy("comments.json", () => jsonArray(paged((c) => exportCommentsPage(db, userId, c))));
    lazy("likes.json", () => jsonArray(paged((c) => exportReactionsPage(db, "likes", userId, c))));
    lazy("saves.json", () => jsonArray(paged((c) => exportReactionsPage(db, "saves", userId, c))));
    for (const side of ["followers", "following"] as const) {
      lazy(`${side}.json`, () => jsonArray(paged((c) => exportFollowsPage(db, side, userId, c))));
    }
    // One entry per photo; only its name and key are held until its turn comes.
    for await (const post of postPages(db, userId)) {
      for (const m of post.media) {
        lazy(photoPath(post.id, m.position), () => photoStream(storage, m.key), false);
      }
    }
    zip.end();
  };
  fill().catch(fail);
  return out;
}
