import { z } from "zod";
import { normalizeTag } from "@/lib/discover/validation";
import { hasNoNul, NUL_MESSAGE } from "@/lib/shared/text";

// Shared by the search box, the server actions and the services.

export const recordSearchSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("user"), target: z.uuid({ message: "No such account." }) }),
  z.object({
    kind: z.literal("tag"),
    target: z
      .string()
      .refine(hasNoNul, { message: NUL_MESSAGE })
      .max(200)
      .transform((raw, ctx) => {
        const tag = normalizeTag(raw);
        if (!tag) {
          ctx.addIssue({ code: "custom", message: "No such tag." });
          return z.NEVER;
        }
        return tag;
      }),
  }),
]);
export type RecordSearchInput = z.infer<typeof recordSearchSchema>;
