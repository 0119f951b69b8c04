/** What the example functions share: the client from the environment, their errors, the command line. */
export * from './runtime';
export * from './main';
export * from './random';
