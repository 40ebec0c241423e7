import type { Rule } from '../src/types.js';
import duplicateKey from './duplicate-key/index.js';
import duplicateResource from './duplicate-resource/index.js';
import pdbBlocksEviction from './pdb-blocks-eviction/index.js';
import pdbMissing from './pdb-missing/index.js';
import pdbPolicy from './pdb-policy/index.js';
import pdbSelectsNothing from './pdb-selects-nothing/index.js';
import resourceShape from './resource-shape/index.js';
import selectorLabelMismatch from './selector-label-mismatch/index.js';
import statefulsetClaimNameTooLong from './statefulset-claim-name-too-long/index.js';
import statefulsetClaimTemplateInvalid from './statefulset-claim-template-invalid/index.js';
import statefulsetClaimUnmounted from './statefulset-claim-unmounted/index.js';
import statefulsetNameTooLong from './statefulset-name-too-long/index.js';
import statefulsetServiceMissing from './statefulset-service-missing/index.js';
import statefulsetServiceName from './statefulset-service-name/index.js';
import statefulsetServiceNotHeadless from './statefulset-service-not-headless/index.js';
import statefulsetServiceSelector from './statefulset-service-selector/index.js';
import statefulsetVolumeClaimTemplates from './statefulset-volume-claim-templates/index.js';
import unusedSuppression from './unused-suppression/index.js';
import volumeMountUnknown from './volume-mount-unknown/index.js';
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
  statefulsetClaimNameTooLong,
  statefulsetClaimTemplateInvalid,
  statefulsetClaimUnmounted,
  statefulsetNameTooLong,
  statefulsetServiceMissing,
  statefulsetServiceName,
  statefulsetServiceNotHeadless,
  statefulsetServiceSelector,
  statefulsetVolumeClaimTemplates,
  unusedSuppression,
  volumeMountUnknown,
  yamlSyntax,
];
