-- Photos of posts removed, and of accounts suspended, before photos followed their owner's state
-- (0009_media_jobs): queued once, so lib/media/jobs.ts moves them out of posts/ and avatars/ and
-- invalidates the CDN. Avatar sizes as AVATAR_SIZES in lib/images/types.ts (320, 150).
INSERT INTO "media_jobs" ("id", "kind", "keys", "paths")
SELECT gen_random_uuid(), 'place', k.keys, jsonb_build_array('/posts/' || p.id || '/*')
FROM "posts" p
JOIN "users" u ON u.id = p.author_id
CROSS JOIN LATERAL (
  SELECT jsonb_agg(v ->> 'key') AS keys
  FROM "post_media" m, jsonb_array_elements(m.variants) v
  WHERE m.post_id = p.id
) k
WHERE (p.status = 'removed' OR u.status = 'suspended') AND k.keys IS NOT NULL;
--> statement-breakpoint
INSERT INTO "media_jobs" ("id", "kind", "keys", "paths")
SELECT gen_random_uuid(), 'place',
  jsonb_build_array(u.avatar_key || '-320.webp', u.avatar_key || '-150.webp'),
  jsonb_build_array('/avatars/' || u.id || '/*')
FROM "users" u
WHERE u.status = 'suspended' AND u.avatar_key IS NOT NULL;
