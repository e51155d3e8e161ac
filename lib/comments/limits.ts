// Comment limits without zod, for client components (validation.ts builds its schemas on them).

export const MAX_COMMENT = 2200;

/** Comments the post's author may pin to the top of a post. */
export const MAX_PINNED = 3;
