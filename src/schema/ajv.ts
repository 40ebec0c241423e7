import type { Ajv as AjvInstance, Options } from 'ajv';
import { loadAjv } from '../util/package.js';

type AjvConstructor = new (options: Options) => AjvInstance;
let Ajv: AjvConstructor | undefined;

/**
 * A new ajv instance, loading ajv on first use: built-in kinds are checked by validators precompiled at build
 * time, so only runs with a config file or custom resources pay for ajv's load time (about 50 ms).
 */
export function newAjv(options: Options): AjvInstance {
  Ajv ??= (loadAjv() as { default: AjvConstructor }).default;
  return new Ajv(options);
}
