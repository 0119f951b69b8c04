/**
 * @faast/core — the cachelet engine of Faa$T, free of SDKs and transports.
 */
export * from './ports';
export * from './address';
export * from './random';
export * from './read';
export * from './errors';
export * from './config';
export * from './range';
export * from './conditions';
export * from './store';
export * from './single-flight';
export * from './fill';
export * from './stats';
export * from './ring';
export * from './membership-static';
export * from './peering';
export * from './chunks';
export * from './local';
export * from './answer';
export * from './changes';
export * from './holders';
export * from './cachelet';
export * from './pool';
export * from './origin-health';
export * from './scrub';
