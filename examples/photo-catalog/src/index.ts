/** The photo catalog example: an app that reads S3 through `withFaast`. */
export * from './app';
export * from './seed';
