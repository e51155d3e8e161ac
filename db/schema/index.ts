export * from "./discover";
export * from "./moderation";
export * from "./notifications";
export * from "./posts";
export * from "./rate-limits";
export * from "./social";
export * from "./uploads";
export * from "./users";
