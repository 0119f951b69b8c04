/** @faast/bench — the benchmarks of Faa$T (`npm run bench`), and their building blocks. */
export { measure, median, quantile, type Measurement, type MeasureOptions, type Operation } from './measure';
export { openFoundation, cellId, type FoundationOptions, SIZES, TARGET_LABELS, HIGH_CONCURRENCY, type Foundation, type Cell, type Target, type SizeLabel } from './foundation';
export { openRedis, REDIS_URL, type RedisFixture } from './redis';
export { summarize, renderReport, formatUs, type Summary, type SummaryRow, type SizeRatios, type Breakdown, type RunFigures, type CellFigures } from './report';
export { parseOptions, runFoundationBenchmark, type BenchOptions } from './main';
export { scenarioOf, SCENARIOS, type Scenario } from './main';
export { parseClusterOptions, runClusterBenchmark, CLUSTER_USAGE, type ClusterBenchOptions } from './cluster-main';
export {
  openClusterLatency,
  runZipfPoint,
  startCachelets,
  checkCell,
  clusterCellId,
  CLUSTER_SIZES,
  CLUSTER_TARGET_LABELS,
  CLUSTER_CONCURRENCY,
  type ClusterLatency,
  type ClusterCell,
  type ClusterTarget,
  type CacheletGroup,
  type ZipfPoint,
} from './cluster';
export { summarizeCluster, renderClusterLatency, renderZipf, type ClusterRunFigures, type ClusterCellFigures, type ClusterLatencySummary } from './cluster-report';
export { zipfWorkload, type ZipfWorkload } from './zipf';
export { parseLargeOptions, runLargeBenchmark, summarizeLarge, renderLarge, LARGE_USAGE, LARGE_TARGETS, type LargeBenchOptions, type LargeRunFigures, type LargeSummary, type LargeSummaryRow, type StallRecord } from './large-main';
export {
  OriginProcess,
  putLargeObject,
  readHashed,
  measureRead,
  startLargeGroup,
  sampleProc,
  resetPeakRss,
  modelMs,
  copiesPerByte,
  COPIES,
  STALL_MS,
  StallError,
  type LargeGroup,
  type LargeObject,
  type ReadFigures,
  type ReadKind,
  type ProcFigures,
  type HashAlgorithm,
} from './large';
export { caseArbitrary, keyArbitrary, runParityCase, observe, compare, type Observed, requestOf, describeCase, type ParityCase, type ParityClients, type EtagChoice, type DateChoice } from './parity';
