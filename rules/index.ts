import type { Rule } from '../src/types.js';
import duplicateKey from './duplicate-key/index.js';
import duplicateResource from './duplicate-resource/index.js';
import pdbBlocksEviction from './pdb-blocks-eviction/index.js';
import pdbMissing from './pdb-missing/index.js';
import pdbPolicy from './pdb-policy/index.js';
import pdbSelectsNothing from './pdb-selects-nothing/index.js';
import resourceShape from './resource-shape/index.js';
import selectorLabelMismatch from './selector-label-mismatch/index.js';
import unusedSuppression from './unused-suppression/index.js';
import yamlSyntax from './yaml-syntax/index.js';

/** Every rule, sorted by id. A rule's id is its folder name; its README.md sits beside it. */
export const rules: readonly Rule[] = [
  duplicateKey,
  duplicateResource,
  pdbBlocksEviction,
  pdbMissing,
  pdbPolicy,
  pdbSelectsNothing,
  resourceShape,
  selectorLabelMismatch,
  unusedSuppression,
  yamlSyntax,
];
