/**
 * The field classes (mutations.ts, plus `corpus` and `fixtures` for objects as read) on which stslint claims to
 * say what the API server says on create: the oracle tests assert full agreement on these and only report the
 * others. A class joins this list when every one of its cases agrees, and never leaves it by loosening a test.
 */
export const CLAIMED_CLASSES: readonly string[] = [
  'annotations',
  'cluster-ips',
  'container-names',
  'cross-field',
  'data-keys',
  'duplicate-ports',
  'enums',
  'env-names',
  'host-ports',
  'integers',
  'labels',
  'port-names',
  'port-numbers',
  'quantities',
  'required',
  'selectors',
  'unknown-fields',
  'volume-mounts',
];
