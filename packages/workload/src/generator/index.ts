/** The synthetic workload generator calibrated to the Azure Functions blob trace 2020. */
export {
  DEFAULT_TRACE_START_MS,
  MAX_GENERATED_APPS,
  generateTrace,
  generatorHeader,
  resolveGeneratorParams,
  type TraceGeneratorParams,
} from './generate';
export { CHANNEL_READ_ONLY_SHARE, MAX_CHANNEL_INVOCATIONS, POPULATION_CELLS, type AppKind, type PopulationCell } from './population';
export { MAX_TRACE_BLOB_BYTES } from './sizes';
