ALTER TABLE "posts" ADD COLUMN "hide_like_count" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "comments_off" boolean DEFAULT false NOT NULL;