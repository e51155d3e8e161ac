import { listLikers } from "@/lib/likes/queries";
import { postListRoute } from "../post-list-route";

/** GET ?cursor=: the next page of the people who liked a post, newest first, Page<PersonView>. */
export const GET = postListRoute("likers page", listLikers);
