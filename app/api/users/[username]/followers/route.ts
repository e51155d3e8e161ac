import { listFollowers } from "@/lib/follows/queries";
import { peopleListRoute } from "../people-list-route";

/** GET ?cursor=: the next page of an account's followers, newest first, as JSON Page<PersonView>. */
export const GET = peopleListRoute("followers page", listFollowers);
