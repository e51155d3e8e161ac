import type { ReportReason } from "@/db/schema/report-reasons";

// The report form's choices and limits without zod, for client components (validation.ts builds
// its schemas on them).
export { REPORT_REASONS, type ReportReason } from "@/db/schema/report-reasons";
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
