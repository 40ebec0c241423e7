import { normalizeVersion } from '../../src/k8s/api-versions.js';
import { gateAt, releaseAt, type GateName } from '../../src/k8s/feature-gates.js';
import { isRecord } from '../../src/util/guards.js';
import { defineRule } from '../../src/linter/rule.js';
import type { ObjectPath, Resource } from '../../src/types.js';

/** A field (or value) gated by a Kubernetes feature gate (its stages: src/k8s/feature-gates.ts). */
interface Feature {
  /** How the message names what is used. */
  what: string;
  gate: GateName;
  /** What the API server does with it while the gate is off. */
  gateOff: 'drops' | 'rejects';
}

const ORDINALS: Feature = { what: 'spec.ordinals', gate: 'StatefulSetStartOrdinal', gateOff: 'drops' };
const PVC_RETENTION: Feature = { what: 'spec.persistentVolumeClaimRetentionPolicy', gate: 'StatefulSetAutoDeletePVC', gateOff: 'drops' };
const UNHEALTHY_POD_EVICTION: Feature = { what: 'spec.unhealthyPodEvictionPolicy', gate: 'PDBUnhealthyPodEvictionPolicy', gateOff: 'drops' };
const READ_WRITE_ONCE_POD: Feature = { what: 'access mode ReadWriteOncePod', gate: 'ReadWriteOncePod', gateOff: 'rejects' };
const MAX_UNAVAILABLE: Feature = { what: 'spec.updateStrategy.rollingUpdate.maxUnavailable', gate: 'MaxUnavailableStatefulSet', gateOff: 'drops' };

export default defineRule({
  meta: {
    id: 'feature-version',
    severity: 'warning',
    description: 'Warn about fields that are not generally available in the target Kubernetes version',
    kinds: ['apps/StatefulSet', 'policy/PodDisruptionBudget', 'PersistentVolumeClaim', 'PersistentVolume'],
    messages: {
      beta: '{{owner}} uses {{what}}, {{ga}} (target {{target}}): beta, enabled by default since {{beta}} (feature gate {{gate}})',
      alpha:
        '{{owner}} uses {{what}}, {{ga}} (target {{target}}): alpha since {{alpha}}, off by default (feature gate {{gate}}); the API server {{gateOff}} unless the gate is on',
      betaOff:
        '{{owner}} uses {{what}}, {{ga}} (target {{target}}): beta since {{beta}} but off by default (feature gate {{gate}}); the API server {{gateOff}} unless the gate is on',
      unknown: '{{owner}} uses {{what}}, {{ga}} (target {{target}}): unknown to Kubernetes {{target}}, added as alpha in {{alpha}}',
    },
  },
  check(resource, context) {
    const target = normalizeVersion(context.kubernetesVersion);
    const spec = resource.object.spec;
    if (!target || !isRecord(spec)) return;
    const warn = (feature: Feature, path: ObjectPath, owner = describe(resource)) => {
      const step = gateAt(feature.gate, target);
      if (step?.stage === 'ga') return;
      const ga = releaseAt(feature.gate, 'ga');
      const gaText = ga ? `GA only since Kubernetes ${ga}` : 'not GA in any Kubernetes release yet';
      const gateOff = feature.gateOff === 'drops' ? 'drops the field' : 'rejects the object';
      const messageId = !step ? 'unknown' : step.stage === 'alpha' ? 'alpha' : step.onByDefault ? 'beta' : 'betaOff';
      const { what, gate } = feature;
      const [alpha, beta] = [releaseAt(gate, 'alpha') ?? '', releaseAt(gate, 'beta') ?? ''];
      context.report({ path, messageId, data: { owner, what, ga: gaText, target, beta, alpha, gate, gateOff } });
    };
    if (resource.kind === 'StatefulSet') checkStatefulSet(spec, warn, resource);
    else if (resource.kind === 'PodDisruptionBudget') checkBudget(spec, warn);
    else checkAccessModes(spec, ['spec'], warn);
  },
});

type Warn = (feature: Feature, path: ObjectPath, owner?: string) => void;

function checkStatefulSet(spec: Record<string, unknown>, warn: Warn, resource: Resource): void {
  if (isRecord(spec.ordinals) && !isDefault(spec.ordinals.start, 0)) warn(ORDINALS, ['spec', 'ordinals']);
  const retention = spec.persistentVolumeClaimRetentionPolicy;
  if (isRecord(retention) && !(isDefault(retention.whenDeleted, 'Retain') && isDefault(retention.whenScaled, 'Retain'))) {
    warn(PVC_RETENTION, ['spec', 'persistentVolumeClaimRetentionPolicy']);
  }
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : {};
  const rollingUpdate = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : {};
  if (!isDefault(rollingUpdate.maxUnavailable, 1)) {
    warn(MAX_UNAVAILABLE, ['spec', 'updateStrategy', 'rollingUpdate', 'maxUnavailable']);
  }
  if (!Array.isArray(spec.volumeClaimTemplates)) return;
  spec.volumeClaimTemplates.forEach((template, index) => {
    if (!isRecord(template) || !isRecord(template.spec)) return;
    const claim = isRecord(template.metadata) && typeof template.metadata.name === 'string' ? template.metadata.name : String(index);
    const owner = `${describe(resource)} claim template '${claim}'`;
    checkAccessModes(template.spec, ['spec', 'volumeClaimTemplates', index, 'spec'], (feature, path) => warn(feature, path, owner));
  });
}

function checkBudget(spec: Record<string, unknown>, warn: Warn): void {
  if (!isDefault(spec.unhealthyPodEvictionPolicy, 'IfHealthyBudget')) {
    warn(UNHEALTHY_POD_EVICTION, ['spec', 'unhealthyPodEvictionPolicy']);
  }
}

function checkAccessModes(spec: Record<string, unknown>, specPath: ObjectPath, warn: Warn): void {
  if (!Array.isArray(spec.accessModes)) return;
  const index = spec.accessModes.indexOf('ReadWriteOncePod');
  if (index >= 0) warn(READ_WRITE_ONCE_POD, [...specPath, 'accessModes', index]);
}

/** True when a field is unset, null or set to the value that behaves as if it were unset. */
function isDefault(value: unknown, defaultValue: unknown): boolean {
  return value === undefined || value === null || value === defaultValue;
}

function describe(resource: Resource): string {
  return `${resource.kind} '${resource.name}'`;
}

