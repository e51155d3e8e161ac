import type { PageSize } from "@/lib/pagination/page-params";

/** Page size of a people list (followers, following, likers): 30 unless asked, at most 60. */
export const PEOPLE_PAGE: PageSize = { fallback: 30, max: 60 };
