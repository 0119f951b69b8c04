/** Traces: the Azure Functions blob trace 2020 CSV, our JSONL, reading, writing and checking. */
export { AZURE_CSV_COLUMNS, AZURE_CSV_HEADER, RowProblem, formatAzureCsvRow, parseAzureCsvRow, splitCsvRow } from './azure-csv';
export {
  TRACE_JSONL_FORMAT,
  TRACE_JSONL_VERSION,
  formatTraceJsonlHeader,
  formatTraceJsonlRecord,
  parseTraceJsonlHeader,
  parseTraceJsonlRecord,
  type TraceHeader,
} from './jsonl';
export { TraceReader, readTrace, readTraceStream, type TraceFormat, type TraceInput, type TraceReadOptions, type TraceReadReport } from './read';
export { traceFileFormat, writeTrace, type TraceWriteOptions, type TraceWriteResult } from './write';
export {
  NEAR_PERIODIC_COV,
  PUBLISHED_MAX_BLOBS_PER_APP,
  PUBLISHED_SIZE_PERCENTILES,
  TraceStatsCollector,
  checkTrace,
  evaluateTrace,
  formatTraceCheck,
  type FormatTraceCheckOptions,
  type TraceCheck,
  type TraceCheckOptions,
  type TraceFigure,
  type TraceStats,
} from './check';
