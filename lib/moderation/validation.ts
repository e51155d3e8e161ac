import { z } from "zod";
import { hasNoNul, NUL_MESSAGE } from "@/lib/shared/text";
import { MAX_DETAILS, REPORT_REASONS, type ReportReason, type ReportTargetType } from "./limits";

// The moderation queries take the reason list and the target types from here too.
export { REPORT_REASONS, type ReportReason, type ReportTargetType };

const targetType = z.enum(["post", "comment", "user"], { message: "Choose what to report." });
const targetId = z.uuid({ message: "That can't be reported." });

export const reportSchema = z.object({
  targetType,
  targetId,
  reason: z.enum(REPORT_REASONS, { message: "Choose a reason." }),
  details: z
    .string()
    .refine(hasNoNul, { message: NUL_MESSAGE })
    .trim()
    .max(MAX_DETAILS, { message: `Keep it under ${MAX_DETAILS} characters.` })
    .optional()
    .default(""),
});
export type ReportInput = z.infer<typeof reportSchema>;

/** A moderator's decision on everything reported about one target. */
export const decideSchema = z.object({
  targetType,
  targetId,
  decision: z.enum(["remove", "suspend", "restore", "dismiss"], {
    message: "Choose a decision.",
  }),
  note: z
    .string()
    .refine(hasNoNul, { message: NUL_MESSAGE })
    .trim()
    .max(MAX_DETAILS, { message: `Keep the note under ${MAX_DETAILS} characters.` })
    .optional()
    .default(""),
});
export type DecideInput = z.infer<typeof decideSchema>;
