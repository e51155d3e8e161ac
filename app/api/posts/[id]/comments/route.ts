import { listComments } from "@/lib/comments/queries";
import { postListRoute } from "../post-list-route";

/** GET ?cursor=: the next page of a post's comments, newest first, as JSON Page<CommentView>. */
export const GET = postListRoute("comments page", listComments);
