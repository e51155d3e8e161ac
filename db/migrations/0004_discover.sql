CREATE TYPE "public"."recent_search_kind" AS ENUM('user', 'tag');--> statement-breakpoint
CREATE TABLE "discover_refreshes" (
	"name" text PRIMARY KEY NOT NULL,
	"refreshed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dismissed_suggestions" (
	"user_id" uuid NOT NULL,
	"suggested_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dismissed_suggestions_user_id_suggested_id_pk" PRIMARY KEY("user_id","suggested_id")
);
--> statement-breakpoint
CREATE TABLE "explore_ranks" (
	"snapshot_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"post_id" uuid NOT NULL,
	"score" double precision NOT NULL,
	CONSTRAINT "explore_ranks_snapshot_id_rank_pk" PRIMARY KEY("snapshot_id","rank")
);
--> statement-breakpoint
CREATE TABLE "explore_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL,
	"candidate_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recent_searches" (
	"user_id" uuid NOT NULL,
	"kind" "recent_search_kind" NOT NULL,
	"target" text NOT NULL,
	"searched_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recent_searches_user_id_kind_target_pk" PRIMARY KEY("user_id","kind","target")
);
--> statement-breakpoint
CREATE TABLE "trending_hashtags" (
	"hashtag_id" uuid PRIMARY KEY NOT NULL,
	"rank" integer NOT NULL,
	"score" double precision NOT NULL,
	"uses_24h" integer NOT NULL,
	"uses_7d" integer NOT NULL,
	"computed_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "dismissed_suggestions" ADD CONSTRAINT "dismissed_suggestions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dismissed_suggestions" ADD CONSTRAINT "dismissed_suggestions_suggested_id_users_id_fk" FOREIGN KEY ("suggested_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "explore_ranks" ADD CONSTRAINT "explore_ranks_snapshot_id_explore_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."explore_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recent_searches" ADD CONSTRAINT "recent_searches_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trending_hashtags" ADD CONSTRAINT "trending_hashtags_hashtag_id_hashtags_id_fk" FOREIGN KEY ("hashtag_id") REFERENCES "public"."hashtags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dismissed_suggestions_suggested_idx" ON "dismissed_suggestions" USING btree ("suggested_id");--> statement-breakpoint
CREATE INDEX "explore_snapshots_computed_idx" ON "explore_snapshots" USING btree ("computed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "recent_searches_user_idx" ON "recent_searches" USING btree ("user_id","searched_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "trending_hashtags_rank_idx" ON "trending_hashtags" USING btree ("rank");