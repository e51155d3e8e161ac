import { listFollowing } from "@/lib/follows/queries";
import { peopleListRoute } from "../people-list-route";

/** GET ?cursor=: the next page of an account's following, newest first, as JSON Page<PersonView>. */
export const GET = peopleListRoute("following page", listFollowing);
