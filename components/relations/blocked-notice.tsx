/**
 * What a blocker sees instead of the blocked account's posts. Unblock is the header's button, in
 * place of Follow (components/relations/unblock-button.tsx).
 */
export function BlockedNotice({ person }: { person: { username: string } }) {
  return (
    <section
      aria-labelledby="blocked-heading"
      className="mx-4 flex flex-col items-center gap-3 border-t border-neutral-200 py-12 text-center md:mx-0 dark:border-neutral-800"
    >
      <h2 id="blocked-heading" className="text-base font-semibold">
        You blocked {person.username}
      </h2>
      <p className="max-w-sm text-sm text-neutral-500 dark:text-neutral-400">
        They can&apos;t find your profile or posts, and you won&apos;t see theirs. Unblock them
        above, or in Settings → Blocked accounts.
      </p>
    </section>
  );
}
