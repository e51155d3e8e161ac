import { socialRoute } from "@/lib/http/social-route";
import { setSave } from "@/lib/saves/service";
import { setSaveSchema } from "@/lib/saves/validation";

/** POST { saved }: save or unsave the post to the viewer's collection; answers { saved }. */
export const POST = socialRoute("save", setSaveSchema, setSave);
