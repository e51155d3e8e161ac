import { Hash } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import { formatCompact } from "@/lib/shared/format";
import type { SearchOption } from "./use-search";

export const postsText = (n: number) => `${formatCompact(n)} ${n === 1 ? "post" : "posts"}`;

/** What one option of the search listbox shows: a person or a tag. */
export function SearchOptionContent({ option }: { option: SearchOption }) {
  if (option.kind === "user") {
    const { user } = option;
    return (
      <>
        <Avatar src={user.avatarUrl} name={user.name} size="md" />
        <span className="min-w-0 flex-1 leading-tight">
          <span className="block truncate text-sm font-semibold">{user.username}</span>
          <span className="block truncate text-sm text-neutral-500 dark:text-neutral-400">
            {user.name}
            {user.viewerFollows ? " • Following" : ""}
          </span>
        </span>
      </>
    );
  }
  return (
    <>
      <span className="inline-flex size-11 shrink-0 items-center justify-center rounded-full border border-neutral-300 dark:border-neutral-700">
        <Hash aria-hidden="true" className="size-5" />
      </span>
      <span className="min-w-0 flex-1 leading-tight">
        <span className="block truncate text-sm font-semibold">#{option.tag}</span>
        <span className="block truncate text-sm text-neutral-500 dark:text-neutral-400">
          {postsText(option.postCount)}
        </span>
      </span>
    </>
  );
}
