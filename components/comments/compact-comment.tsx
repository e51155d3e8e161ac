import { RichText } from "@/components/post/caption";
import { UsernameLink } from "@/components/ui/profile-link";
import type { CommentView } from "@/lib/shared/post-views";
import { isPendingComment } from "./comments-query";

/**
 * A feed card's comment: "username text" on up to two lines, no avatar, time or buttons. No hooks
 * and no "use client", so the feed card does not pull CommentItem (its report, block, delete,
 * pin, like and replies code) into the home page's first JavaScript.
 */
export function CompactComment({ comment }: { comment: CommentView }) {
  const { author } = comment;
  const pending = isPendingComment(comment);
  return (
    <li className={`text-sm leading-5 ${pending ? "opacity-60" : ""}`}>
      <p className="line-clamp-2 break-words whitespace-pre-wrap">
        {author.username ? (
          <UsernameLink username={author.username} className="" />
        ) : (
          <span className="font-semibold">{author.name}</span>
        )}{" "}
        <RichText text={comment.body} />
      </p>
      {pending ? <span className="sr-only">Posting…</span> : null}
    </li>
  );
}
