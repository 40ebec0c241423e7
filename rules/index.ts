import type { Rule } from '../src/types.js';
import duplicateKey from './duplicate-key/index.js';
import duplicateResource from './duplicate-resource/index.js';
import resourceShape from './resource-shape/index.js';
import selectorLabelMismatch from './selector-label-mismatch/index.js';
import yamlSyntax from './yaml-syntax/index.js';

/** Every rule, sorted by id. A rule's id is its folder name; its README.md sits beside it. */
export const rules: readonly Rule[] = [
  duplicateKey,
  duplicateResource,
  resourceShape,
  selectorLabelMismatch,
  yamlSyntax,
];
