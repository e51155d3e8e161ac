-- Search: fuzzy matching with pg_trgm (a trusted extension: the database owner may create it;
-- PGlite loads it in db/client.ts). GIN trigram indexes serve LIKE '%x%', the similarity
-- operators % and <% for queries of three characters or more; the text_pattern_ops b-trees serve
-- short prefixes (LIKE 'a%'), which the default collation's b-trees cannot.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_username_trgm_idx" ON "users" USING gin (lower("username") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_name_trgm_idx" ON "users" USING gin (lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "hashtags_tag_trgm_idx" ON "hashtags" USING gin ("tag" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_username_prefix_idx" ON "users" USING btree (lower("username") text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "users_name_prefix_idx" ON "users" USING btree (lower("name") text_pattern_ops);--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "hashtags_tag_prefix_idx" ON "hashtags" USING btree ("tag" text_pattern_ops);
