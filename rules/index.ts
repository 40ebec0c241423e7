import type { AnyRule } from '../src/linter/rule.js';
import apiValidation from './api-validation/index.js';
import apiVersionDeprecated from './api-version-deprecated/index.js';
import apiVersionRemoved from './api-version-removed/index.js';
import autoscalerConflict from './autoscaler-conflict/index.js';
import claimsOrphaned from './claims-orphaned/index.js';
import deploymentDatabase from './deployment-database/index.js';
import duplicateKey from './duplicate-key/index.js';
import duplicateResource from './duplicate-resource/index.js';
import featureVersion from './feature-version/index.js';
import immutableFieldChanged from './immutable-field-changed/index.js';
import immutableVolatileLabel from './immutable-volatile-label/index.js';
import pdbBlocksEviction from './pdb-blocks-eviction/index.js';
import pdbMissing from './pdb-missing/index.js';
import pdbPolicy from './pdb-policy/index.js';
import pdbSelectsNothing from './pdb-selects-nothing/index.js';
import replicasWithAutoscaler from './replicas-with-autoscaler/index.js';
import resourceShape from './resource-shape/index.js';
import rwoRollingUpdate from './rwo-rolling-update/index.js';
import rwoSharedClaim from './rwo-shared-claim/index.js';
import schema from './schema/index.js';
import selectorLabelMismatch from './selector-label-mismatch/index.js';
import snapshotSourceMissing from './snapshot-source-missing/index.js';
import statefulsetAntiAffinity from './statefulset-anti-affinity/index.js';
import statefulsetClaimNameTooLong from './statefulset-claim-name-too-long/index.js';
import statefulsetClaimTemplateInvalid from './statefulset-claim-template-invalid/index.js';
import statefulsetClaimUnmounted from './statefulset-claim-unmounted/index.js';
import statefulsetNameTooLong from './statefulset-name-too-long/index.js';
import statefulsetPartition from './statefulset-partition/index.js';
import statefulsetPvcRetention from './statefulset-pvc-retention/index.js';
import statefulsetServiceMissing from './statefulset-service-missing/index.js';
import statefulsetServiceName from './statefulset-service-name/index.js';
import statefulsetServiceNotHeadless from './statefulset-service-not-headless/index.js';
import statefulsetServiceSelector from './statefulset-service-selector/index.js';
import statefulsetTerminationGrace from './statefulset-termination-grace/index.js';
import statefulsetVolumeClaimTemplates from './statefulset-volume-claim-templates/index.js';
import storageclassBindingMode from './storageclass-binding-mode/index.js';
import storageclassMissing from './storageclass-missing/index.js';
import storageclassReclaimDelete from './storageclass-reclaim-delete/index.js';
import unusedSuppression from './unused-suppression/index.js';
import volumeMountUnknown from './volume-mount-unknown/index.js';
import yamlSyntax from './yaml-syntax/index.js';

/** Every rule, sorted by id. A rule's id is its folder name; its README.md sits beside it. */
export const rules: readonly AnyRule[] = [
  apiValidation,
  apiVersionDeprecated,
  apiVersionRemoved,
  autoscalerConflict,
  claimsOrphaned,
  deploymentDatabase,
  duplicateKey,
  duplicateResource,
  featureVersion,
  immutableFieldChanged,
  immutableVolatileLabel,
  pdbBlocksEviction,
  pdbMissing,
  pdbPolicy,
  pdbSelectsNothing,
  replicasWithAutoscaler,
  resourceShape,
  rwoRollingUpdate,
  rwoSharedClaim,
  schema,
  selectorLabelMismatch,
  snapshotSourceMissing,
  statefulsetAntiAffinity,
  statefulsetClaimNameTooLong,
  statefulsetClaimTemplateInvalid,
  statefulsetClaimUnmounted,
  statefulsetNameTooLong,
  statefulsetPartition,
  statefulsetPvcRetention,
  statefulsetServiceMissing,
  statefulsetServiceName,
  statefulsetServiceNotHeadless,
  statefulsetServiceSelector,
  statefulsetTerminationGrace,
  statefulsetVolumeClaimTemplates,
  storageclassBindingMode,
  storageclassMissing,
  storageclassReclaimDelete,
  unusedSuppression,
  volumeMountUnknown,
  yamlSyntax,
];
