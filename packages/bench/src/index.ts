/** @faast/bench — the benchmarks of Faa$T (`npm run bench`), and their building blocks. */
export { measure, median, quantile, type Measurement, type MeasureOptions, type Operation } from './measure';
export { openFoundation, cellId, type FoundationOptions, SIZES, TARGET_LABELS, HIGH_CONCURRENCY, type Foundation, type Cell, type Target, type SizeLabel } from './foundation';
export { openRedis, REDIS_URL, type RedisFixture } from './redis';
export { summarize, renderReport, formatUs, type Summary, type SummaryRow, type SizeRatios, type Breakdown, type RunFigures, type CellFigures } from './report';
export { parseOptions, runFoundationBenchmark, type BenchOptions } from './main';
