import { z } from "zod";
import { REPORT_REASONS, type ReportReason } from "@/db/schema/report-reasons";
import { hasNoNul, NUL_MESSAGE } from "@/lib/shared/text";

// The report form and the moderation queries take the reason list from here.
export { REPORT_REASONS, type ReportReason };
export type ReportTargetType = "post" | "comment" | "user";

/** What people pick from when they report (Instagram's wording). */
export const reasonLabels: Record<ReportReason, string> = {
  spam: "It's spam",
  nudity: "Nudity or sexual activity",
  harassment: "Bullying or harassment",
  hate: "Hate speech or symbols",
  violence: "Violence or dangerous organizations",
  self_harm: "Suicide or self-injury",
  false_information: "False information",
  other: "Something else",
};

export const MAX_DETAILS = 500;

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
