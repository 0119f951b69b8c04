// Original file: ../../proto/faast/v1/cache.proto


/**
 * Which object: the origin is fixed by the cachelet's configuration; bucket and key name the
 * object inside it (for Azure: container and blob name).
 */
export interface ObjectRef {
  'bucket'?: (string);
  'key'?: (string);
}

/**
 * Which object: the origin is fixed by the cachelet's configuration; bucket and key name the
 * object inside it (for Azure: container and blob name).
 */
export interface ObjectRef__Output {
  'bucket': (string);
  'key': (string);
}
