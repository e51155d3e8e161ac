import { Avatar } from "@/components/ui/avatar";
import Link from "@/components/ui/link";

// The two links to a profile that every person row, card header and comment shows: the avatar
// (out of the tab order and hidden from screen readers: the name link next to it says the same)
// and the username.

type Person = { username: string; name: string; avatarUrl: string | null };

export const profileHref = (username: string) => `/${encodeURIComponent(username)}`;

export function AvatarLink({
  person,
  size,
  className = "shrink-0",
  onClick,
}: {
  person: Person;
  size: "xs" | "sm" | "md" | "lg";
  className?: string;
  onClick?: () => void;
}) {
  return (
    <Link
      href={profileHref(person.username)}
      tabIndex={-1}
      aria-hidden="true"
      onClick={onClick}
      className={className}
    >
      <Avatar src={person.avatarUrl} name={person.name} size={size} />
    </Link>
  );
}

export function UsernameLink({
  username,
  className = "block truncate",
  onClick,
}: {
  username: string;
  /** Layout classes; the link's own look (bold, hover, focus ring) is always added. */
  className?: string;
  onClick?: () => void;
}) {
  return (
    <Link
      href={profileHref(username)}
      onClick={onClick}
      className={`${className} font-semibold hover:opacity-70 focus-visible:rounded-sm focus-visible:outline-2 focus-visible:outline-sky-500`}
    >
      {username}
    </Link>
  );
}
