// Walking the keyset-paged lists (feed, comments, likers, followers, saved...) in tests.

type Page = { items: { id: string }[]; nextCursor: string | null };

/**
 * The ids of every item of a keyset-paged list, first page to last, and how many pages that
 * took; `page(cursor)` answering null (a refused cursor) fails the walk.
 */
export async function walkPages(
  page: (cursor: string | null) => Promise<Page | null>,
): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const next = await page(cursor);
    if (!next) throw new Error(`bad cursor: page ${pages + 1} answered null`);
    ids.push(...next.items.map((item) => item.id));
    cursor = next.nextCursor;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}
