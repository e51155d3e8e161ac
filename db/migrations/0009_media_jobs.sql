CREATE TYPE "public"."media_job_kind" AS ENUM('place', 'delete');--> statement-breakpoint
CREATE TABLE "media_jobs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" "media_job_kind" NOT NULL,
	"keys" jsonb NOT NULL,
	"paths" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"due_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "media_jobs_due_idx" ON "media_jobs" USING btree ("due_at","id");