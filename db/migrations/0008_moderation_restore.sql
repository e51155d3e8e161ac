ALTER TYPE "public"."moderation_action_kind" ADD VALUE 'restore_user';--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD COLUMN "subject_user_id" uuid;--> statement-breakpoint
ALTER TABLE "moderation_actions" ADD CONSTRAINT "moderation_actions_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;