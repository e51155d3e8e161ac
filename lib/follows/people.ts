// Page size of people lists (followers, following, likers, suggestions).

export const PEOPLE_PAGE_SIZE = 30;

/** Page size of a people list: the asked limit, kept between 1 and 60. */
export const clampLimit = (limit: number | undefined, fallback = PEOPLE_PAGE_SIZE) =>
  Math.min(Math.max(Math.trunc(limit ?? fallback) || fallback, 1), 60);
