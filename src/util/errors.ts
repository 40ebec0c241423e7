/**
 * A usage or configuration problem (an unknown option, an invalid config file, a path that does not exist): the
 * front ends print its message on one line and exit 2. Anything else thrown is an internal error. The library
 * (lintFiles, lintSources, lintText, formatResults, resolveOptions) throws it for what the CLI refuses; test with
 * `error instanceof UsageError` (its `name` is 'UsageError').
 */
export class UsageError extends Error {
  override name = 'UsageError';
}
