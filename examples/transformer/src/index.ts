/**
 * The transformer example: a serverless function that renders Markdown documents to gzipped
 * HTML (with word statistics) and makes grayscale thumbnails of PPM images, reading S3 through
 * `withFaast` and writing its results under `out/`.
 */
export {
  handler,
  reset,
  MAX_THUMBNAIL_WIDTH,
  type InvocationContext,
  type RenderEvent,
  type RenderResult,
  type ThumbnailEvent,
  type ThumbnailResult,
  type TransformEvent,
  type TransformResult,
} from './app';
export { seed, sampleEvents, docKey, imageKey, generateDoc, generatePpm, DEFAULT_DOCS, DEFAULT_IMAGES, DEFAULT_SIZE_RANGE, type SampleOptions, type SeedOptions } from './seed';
export type { SeedDescription } from '@faast/example-function-kit';
export { renderMarkdown, generateDocument, escapeHtml, type DocStats, type Rendered } from './markdown';
export { parsePpm, encodePpm, encodePgm, grayscale, downscale, generateImage, ImageFormatError, type GrayImage, type RgbImage } from './image';
export { configFromEnv, ConfigError, EventError, ObjectNotFoundError, type FunctionConfig } from '@faast/example-function-kit';
