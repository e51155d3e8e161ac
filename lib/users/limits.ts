// Profile limits without zod, for client components (validation.ts builds its schemas on them).

export const MAX_BIO = 150;
