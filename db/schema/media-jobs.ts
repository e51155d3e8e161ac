import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text } from "drizzle-orm/pg-core";
import { timestampMs, uuidPk } from "./columns";

export const mediaJobKind = pgEnum("media_job_kind", ["place", "delete"]);

const at = timestampMs;

// Photo objects to put where the database says they belong, written in the same transaction as
// the change that moves them (a post removed, an account suspended or restored, a post deleted)
// and carried out after commit by lib/media/jobs.ts; what fails is retried by maintenance.
// "place": `keys` are public keys (posts/..., avatars/...); each object goes to the public, held
// or evidence copy its post's and author's state calls for, or is deleted when nothing owns it.
// "delete": `keys` are storage keys deleted as they are, once `due_at` has passed (evidence kept
// for its retention period). `paths` are CDN paths invalidated once the objects are in place.
export const mediaJobs = pgTable(
  "media_jobs",
  {
    id: uuidPk(),
    kind: mediaJobKind("kind").notNull(),
    keys: jsonb("keys").$type<string[]>().notNull(),
    paths: jsonb("paths").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    dueAt: at("due_at").notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: at("created_at").notNull().defaultNow(),
  },
  (t) => [index("media_jobs_due_idx").on(t.dueAt, t.id)],
);

export type MediaJob = typeof mediaJobs.$inferSelect;
