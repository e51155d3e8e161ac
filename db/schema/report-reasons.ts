// The reasons a report can give: the values of the report_reason enum. A plain list (no drizzle)
// so the report form and its zod schema can share it without pulling the schema into a bundle.
export const REPORT_REASONS = [
  "spam",
  "nudity",
  "harassment",
  "hate",
  "violence",
  "self_harm",
  "false_information",
  "other",
] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
