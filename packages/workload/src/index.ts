export * from "./trace/types";
export * from "./runner/types";
export * from "./replay/types";
