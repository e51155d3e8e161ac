import { getDb } from "@/lib/db";
import { tagPage } from "@/lib/discover/queries";
import { normalizeTag } from "@/lib/discover/validation";
import { apiRoute } from "@/lib/http/api-route";
import { fail } from "@/lib/result";

/** GET ?cursor=: the next page of a tag's recent posts as JSON Page<GridItem>. */
export const GET = apiRoute<{ tag: string }>(
  {
    label: "tag page",
    viewer: "required",
    cursor: true,
    check: ({ tag }) => (normalizeTag(tag) ? null : fail("NOT_FOUND", "Tag not found.")),
  },
  async ({ params, viewer, cursor }) => {
    const page = await tagPage(getDb(), {
      tag: params.tag,
      viewerId: viewer.id,
      cursor,
      withTop: false,
    });
    return page ? page.recent : null;
  },
);
