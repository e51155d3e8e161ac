export * from "./posts";
export * from "./rate-limits";
export * from "./uploads";
export * from "./users";
