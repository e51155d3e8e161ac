CREATE TABLE "restricts" (
	"owner_id" uuid NOT NULL,
	"restricted_id" uuid NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restricts_owner_id_restricted_id_pk" PRIMARY KEY("owner_id","restricted_id"),
	CONSTRAINT "restricts_not_self" CHECK ("restricts"."owner_id" <> "restricts"."restricted_id")
);
--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "hide_like_count" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "comments_off" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "pending_approval" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "restricts" ADD CONSTRAINT "restricts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restricts" ADD CONSTRAINT "restricts_restricted_id_users_id_fk" FOREIGN KEY ("restricted_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "restricts_owner_created_idx" ON "restricts" USING btree ("owner_id","created_at" DESC NULLS LAST,"restricted_id");