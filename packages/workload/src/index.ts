export * from "./trace/types";
export * from "./runner/types";
export * from "./replay/types";
export * from "./report/summary";
export { renderReplayHtml, BASELINE_COLORS, BASELINE_DESCRIPTIONS, MAX_BAR_APPS, MAX_CDF_POINTS } from "./report/html";
export * from "./runner/runner";
export * from "./trace";
export * from "./generator";
