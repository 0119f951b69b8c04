/**
 * The config API example: a serverless function that merges many tiny JSON objects (defaults,
 * feature flags, tenant settings, user preferences) into a user's effective configuration, and
 * updates a tenant's flags, reading S3 through `withFaast`.
 */
export { handler, reset, evaluate, rolloutBucket, type ConfigEvent, type ConfigResult, type EffectiveConfig, type FlagSource, type GetEvent, type InvocationContext, type SetEvent, type SetResult } from './app';
export { seed, sampleEvents, generateConfig, tenantId, userId, FLAGS, DEFAULT_TENANTS, DEFAULT_USERS, type SampleOptions, type SeedOptions } from './seed';
export type { SeedDescription } from '@faast/example-function-kit';
export * from './data';
export { configFromEnv, ConfigError, EventError, ObjectNotFoundError, type FunctionConfig } from '@faast/example-function-kit';
