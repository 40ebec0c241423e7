import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/immutable-field-changed/index.js';
import { acceptedChanges, edit, runWithBase, span } from '../helpers/base.js';
import { lintText } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';

const DB = readFileSync(resolve('fixtures/base/db.yaml'), 'utf8');
const LIVE = readFileSync(resolve('fixtures/base/live-list.yaml'), 'utf8');

/** `span message` of each finding. */
function findings(base: string, code: string, options = {}): string[] {
  return runWithBase(rule, base, code, options).map((message) => `${span(message)} ${message.message}`);
}

function spans(base: string, code: string, options = {}): string[] {
  return runWithBase(rule, base, code, options).map(span);
}

describe('immutable-field-changed: StatefulSet', () => {
  it('reports a storage request that grows, with the claims to patch and the orphan procedure', () => {
    const [finding] = findings(DB, edit(DB, 'storage: 10Gi', 'storage: 20Gi'));
    expect(finding).toBe(
      "43:11-43:24 StatefulSet 'db': the storage request of claim template 'data' grows from 10Gi to 20Gi, but claim templates cannot change: kubectl apply and helm upgrade fail. Grow the existing claims one by one (kubectl patch pvc data-db-0 -n default -p '{\"spec\":{\"resources\":{\"requests\":{\"storage\":\"20Gi\"}}}}', and so on for each ordinal; their StorageClass must allow volume expansion), then kubectl delete statefulset db -n default --cascade=orphan and apply again (stslint plan --base lists the commands)",
    );
  });

  it('reports a claim template change with what the orphan procedure does not do', () => {
    const [finding] = findings(DB, edit(DB, '      accessModes: [ReadWriteOnce]', '      storageClassName: fast\n      accessModes: [ReadWriteOnce]'));
    expect(finding).toBe(
      "40:7-40:29 StatefulSet 'db': spec.volumeClaimTemplates[0].spec.storageClassName changes from not set to fast, but claim templates cannot change (Kubernetes 1.36): kubectl apply and helm upgrade fail. kubectl delete statefulset db -n default --cascade=orphan and applying again keeps the pods and their claims, but existing claims keep their old size, class and labels: the change reaches only claims created later",
    );
  });

  it('reports a label added to a claim template, at the label', () => {
    const code = edit(DB, '      name: data\n', '      name: data\n      labels:\n        helm.sh/chart: db-1.4.3\n');
    expect(findings(DB, code)).toEqual([
      expect.stringMatching(/^40:9-40:32 StatefulSet 'db': spec\.volumeClaimTemplates\[0\]\.metadata\.labels\[helm\.sh\/chart\] changes from not set to db-1\.4\.3, but claim templates cannot change/),
    ]);
  });

  it('reports serviceName and podManagementPolicy, naming the fields that may change in the target version', () => {
    const code = edit(edit(DB, 'serviceName: db', 'serviceName: database'), '  replicas: 3\n', '  replicas: 3\n  podManagementPolicy: Parallel\n');
    expect(findings(DB, code)).toEqual([
      "17:3-17:24 StatefulSet 'db': spec.serviceName changes from db to database, but Kubernetes 1.36 refuses changes to StatefulSet spec fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds': kubectl apply and helm upgrade fail. To apply it, delete the StatefulSet but not its pods (kubectl delete statefulset db -n default --cascade=orphan) and apply again: the new StatefulSet adopts the running pods and their claims",
      expect.stringMatching(/^19:3-19:32 StatefulSet 'db': spec\.podManagementPolicy changes from OrderedReady to Parallel, but Kubernetes 1\.36 refuses/),
    ]);
  });

  it('reports a selector change, with the relabelling step', () => {
    const code = edit(edit(DB, '      app: db\n  template', '      app: db\n      tier: data\n  template'), '        app: db\n    spec', '        app: db\n        tier: data\n    spec');
    expect(findings(DB, code)).toEqual([
      expect.stringMatching(/^22:7-22:17 StatefulSet 'db': spec\.selector\.matchLabels\.tier changes from not set to data, and the API server refuses any change to spec\.selector.*label the running pods so that the new selector selects them/),
    ]);
  });

  it('reports a claim template added, at the new template, and one removed, at the list', () => {
    const added = `${DB}  - metadata:\n      name: logs\n    spec:\n      accessModes: [ReadWriteOnce]\n      resources: {requests: {storage: 1Gi}}\n`;
    expect(findings(DB, added)).toEqual([expect.stringMatching(/^44:5-44:13 StatefulSet 'db': spec\.volumeClaimTemplates\[1\] changes from not set to \{"metadata":\{"name":"logs"\}/)]);
    expect(findings(added, DB)).toEqual([expect.stringMatching(/^36:3-36:23 StatefulSet 'db': spec\.volumeClaimTemplates changes from \{"metadata":\{"name":"logs"\}/)]);
    const none = DB.slice(0, DB.indexOf('  volumeClaimTemplates:'));
    expect(spans(DB, none)).toEqual(['16:1-16:5']);
  });

  it('reports a claim template renamed in place once, at its name', () => {
    expect(findings(DB, edit(DB, '      name: data\n    spec:', '      name: pgdata\n    spec:'))).toEqual([
      expect.stringMatching(/^38:7-38:19 StatefulSet 'db': spec\.volumeClaimTemplates\[0\]\.metadata\.name changes from data to pgdata, but claim templates cannot change/),
    ]);
  });

  it('reports revisionHistoryLimit up to 1.32 only, where it is immutable', () => {
    const code = edit(DB, '  replicas: 3\n', '  replicas: 3\n  revisionHistoryLimit: 3\n');
    expect(findings(DB, code, { kubernetesVersion: '1.32' })).toEqual([
      expect.stringMatching(/^19:3-19:26 StatefulSet 'db': spec\.revisionHistoryLimit changes from 10 to 3, but Kubernetes 1\.32 refuses changes to StatefulSet spec fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds'/),
    ]);
    expect(findings(DB, code, { kubernetesVersion: '1.33' })).toEqual([]);
  });

  it('stays silent on the fields an update may change, on defaults written down and on equal quantities', () => {
    for (const code of acceptedChanges(DB)) expect(findings(DB, code, { kubernetesVersion: '1.30' }), code).toEqual([]);
  });

  it('compares a live object (kubectl get -o yaml, a List with server fields and defaults) with the manifest it came from', () => {
    expect(findings(LIVE, DB)).toEqual([]);
    expect(spans(LIVE, edit(DB, 'storage: 10Gi', 'storage: 50Gi'))).toEqual(['43:11-43:24']);
  });

  it('leaves out, against a live object, the fields the manifest does not set', () => {
    const live = edit(LIVE, '    podManagementPolicy: OrderedReady', '    podManagementPolicy: Parallel');
    expect(findings(live, DB)).toEqual([]);
    expect(spans(live, edit(DB, '  replicas: 3\n', '  replicas: 3\n  podManagementPolicy: OrderedReady\n'))).toEqual(['19:3-19:36']);
  });

  it('matches objects by group, kind, namespace and name, not by file', () => {
    const code = edit(DB, 'serviceName: db', 'serviceName: other');
    expect(runWithBase(rule, { 'old/a.yaml': DB }, { 'new/b.yaml': code }).map((m) => `${m.file} ${span(m)}`)).toEqual(['new/b.yaml 17:3-17:21']);
    expect(findings(DB, edit(code, 'name: db\nspec:\n  serviceName', 'name: db\n  namespace: other\nspec:\n  serviceName'))).toEqual([]);
    const custom = edit(code, 'apiVersion: apps/v1', 'apiVersion: example.com/v1');
    expect(findings(edit(DB, 'apiVersion: apps/v1', 'apiVersion: example.com/v1'), custom)).toEqual([]);
  });

  it('reports nothing without a base, and nothing for objects the base does not have', () => {
    expect(lintText(DB, { registry: [rule] }).findings).toEqual([]);
    expect(findings('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: other}\n', DB)).toEqual([]);
  });
});

const WORKLOAD = (kind: string, labels: string) => `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: web
spec:
  selector:
    matchLabels: {${labels}}
  template:
    metadata:
      labels: {${labels}}
    spec:
      containers: [{name: web, image: nginx}]
`;

describe('immutable-field-changed: Deployment, DaemonSet, ReplicaSet', () => {
  it.each(['Deployment', 'DaemonSet', 'ReplicaSet'])('reports a %s selector change', (kind) => {
    expect(findings(WORKLOAD(kind, 'app: web'), WORKLOAD(kind, 'app: web, tier: front'))).toEqual([
      `7:29-7:40 ${kind} 'web': spec.selector.matchLabels.tier changes from not set to front, and the API server refuses any change to the selector of an apps/v1 ${kind}: kubectl apply and helm upgrade fail. Delete the ${kind} and apply again (its pods are replaced), or create it under a new name and delete the old one once the new pods are ready`,
    ]);
  });

  it('stays silent on a template or strategy change', () => {
    const base = WORKLOAD('Deployment', 'app: web');
    expect(findings(base, base.replace('image: nginx', 'image: nginx:1.27').replace('spec:\n  selector', 'spec:\n  strategy: {type: Recreate}\n  selector'))).toEqual([]);
  });
});

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: migrate
spec:
  backoffLimit: 2
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: migrate
        image: migrate:1.0
`;

describe('immutable-field-changed: Job', () => {
  it('reports a pod template change, with the way out', () => {
    expect(findings(JOB, JOB.replace('migrate:1.0', 'migrate:1.1'))).toEqual([
      "12:9-12:27 Job 'migrate': spec.template.spec.containers[0].image changes from migrate:1.0 to migrate:1.1, and the API server refuses to change it on an existing Job: kubectl apply and helm upgrade fail. Delete the Job first (kubectl delete job migrate -n default; with Helm, a helm.sh/hook-delete-policy or ttlSecondsAfterFinished does it), or give the new Job a new name",
    ]);
  });

  it('reports completions of a NonIndexed Job and a chosen selector where the server generated one', () => {
    expect(spans(JOB, JOB.replace('backoffLimit: 2', 'completions: 3'))).toEqual(['6:3-6:17']);
    const manual = JOB.replace('backoffLimit: 2', 'manualSelector: true\n  selector: {matchLabels: {job: migrate}}').replace('    spec:\n      restart', '    metadata: {labels: {job: migrate}}\n    spec:\n      restart');
    expect(findings(JOB, manual)).toEqual([
      expect.stringMatching(/^7:3-7:11 Job 'migrate': spec\.selector changes from generated by the API server to \{"matchLabels":\{"job":"migrate"\}\}/),
      expect.stringMatching(/^9:25-9:37 Job 'migrate': spec\.template\.metadata\.labels\.job changes from not set to migrate/),
    ]);
  });

  it('stays silent on mutable fields, and on the template of a suspended Job', () => {
    expect(findings(JOB, JOB.replace('backoffLimit: 2', 'backoffLimit: 4\n  ttlSecondsAfterFinished: 600\n  activeDeadlineSeconds: 60'))).toEqual([]);
    const suspended = JOB.replace('backoffLimit: 2', 'suspend: true');
    expect(findings(suspended, suspended.replace('migrate:1.0', 'migrate:1.1'))).toEqual([]);
  });
});

const SERVICE = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: db
spec:
${spec}  selector: {app: db}
  ports: [{port: 5432}]
`;

describe('immutable-field-changed: Service', () => {
  it('reports making a Service headless when the base let the server allocate an address', () => {
    expect(findings(SERVICE(''), SERVICE('  clusterIP: None\n'))).toEqual([
      "6:3-6:18 Service 'db': spec.clusterIP changes from an address the API server allocated to None, and the API server refuses to change a Service's cluster IP once set (a headless Service cannot get an address, nor lose it): kubectl apply and helm upgrade fail. Delete the Service and apply it again (clients see the new address once they resolve the name again), or leave clusterIP out to keep the current one",
    ]);
  });

  it('reports an address given to a headless Service, and a changed address', () => {
    expect(spans(SERVICE('  clusterIP: None\n'), SERVICE('  clusterIP: 10.96.0.20\n'))).toEqual(['6:3-6:24']);
    expect(spans(SERVICE('  clusterIP: 10.96.0.10\n'), SERVICE('  clusterIPs: [10.96.0.20]\n'))).toEqual(['6:16-6:26']);
    expect(findings(LIVE, edit(DB, '  selector:\n    app: db', '  clusterIP: None\n  selector:\n    app: db'))).toEqual([
      expect.stringMatching(/^6:3-6:18 Service 'db': spec\.clusterIP changes from 10\.96\.12\.34 to None/),
    ]);
  });

  it('stays silent when the address is left out, kept, or the Service switches to or from ExternalName', () => {
    expect(findings(SERVICE('  clusterIP: None\n'), SERVICE(''))).toEqual([]);
    expect(findings(SERVICE('  clusterIP: 10.96.0.10\n'), SERVICE('  clusterIP: 10.96.0.10\n  type: NodePort\n'))).toEqual([]);
    expect(findings(SERVICE(''), SERVICE('  type: ExternalName\n  externalName: db.example.com\n'))).toEqual([]);
    expect(findings(SERVICE('  type: ExternalName\n  externalName: db.example.com\n'), SERVICE('  clusterIP: None\n'))).toEqual([]);
    expect(findings(LIVE, DB.replace('port: 5432\n---', 'port: 5433\n---'))).toEqual([]);
  });

  it('reports a changed loadBalancerClass and primary IP family', () => {
    const lb = (cls: string) => SERVICE(`  type: LoadBalancer\n  loadBalancerClass: ${cls}\n`);
    expect(spans(lb('example.com/a'), lb('example.com/b'))).toEqual(['7:3-7:35']);
    const families = (family: string) => SERVICE(`  ipFamilies: [${family}]\n`);
    expect(spans(families('IPv4'), families('IPv6'))).toEqual(['6:16-6:20']);
  });
});

const CLAIM = (spec: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: shared
spec:
  accessModes: [ReadWriteOnce]
${spec}`;

describe('immutable-field-changed: PersistentVolumeClaim', () => {
  const claim = (size: string, extra = '') => CLAIM(`${extra}  resources: {requests: {storage: ${size}}}\n`);

  it('reports a shrinking storage request', () => {
    expect(findings(claim('10Gi'), claim('5Gi'))).toEqual([
      "7:26-7:38 PersistentVolumeClaim 'shared': the storage request shrinks from 10Gi to 5Gi, and the API server refuses a request below the previous one (volumes do not shrink): kubectl apply fails. Keep 10Gi, or create a smaller claim and copy the data",
    ]);
  });

  it('reports any other spec change', () => {
    expect(findings(claim('10Gi', '  storageClassName: fast\n'), claim('10Gi', '  storageClassName: slow\n'))).toEqual([
      "7:3-7:25 PersistentVolumeClaim 'shared': spec.storageClassName changes from fast to slow, but a claim's spec cannot change after creation except its storage request: kubectl apply fails. Revert the change, or create a new claim and copy the data",
    ]);
    expect(spans(claim('10Gi'), claim('10Gi').replace('ReadWriteOnce', 'ReadWriteMany'))).toEqual(['6:17-6:30']);
  });

  it('stays silent on a growing request, a class set where there was none, and the volume the binder chose', () => {
    expect(findings(claim('10Gi'), claim('20Gi'))).toEqual([]);
    expect(findings(claim('10Gi'), claim('10Gi', '  storageClassName: fast\n'))).toEqual([]);
    expect(findings(claim('10Gi', '  volumeName: pvc-123\n'), claim('10Gi'))).toEqual([]);
    expect(findings(claim('10Gi'), claim('10Gi', '  volumeMode: Filesystem\n'))).toEqual([]);
  });
});

const STORAGE_CLASS = (extra: string) => `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
parameters: {type: gp3}
${extra}`;

describe('immutable-field-changed: StorageClass', () => {
  it('reports parameters, provisioner, reclaimPolicy and volumeBindingMode', () => {
    const changed = STORAGE_CLASS('reclaimPolicy: Retain\nvolumeBindingMode: WaitForFirstConsumer\n').replace('gp3', 'io2').replace('ebs.csi', 'efs.csi');
    expect(findings(STORAGE_CLASS(''), changed)).toEqual([
      "5:1-5:29 StorageClass 'fast': provisioner changes from ebs.csi.aws.com to efs.csi.aws.com, and the API server refuses changes to it: kubectl apply fails. Delete the StorageClass and apply it again (existing volumes keep what they were made with; only new volumes use the new settings), or create it under a new name",
      expect.stringMatching(/^6:14-6:23 StorageClass 'fast': parameters\.type changes from gp3 to io2/),
      expect.stringMatching(/^7:1-7:22 StorageClass 'fast': reclaimPolicy changes from Delete to Retain/),
      expect.stringMatching(/^8:1-8:40 StorageClass 'fast': volumeBindingMode changes from Immediate to WaitForFirstConsumer/),
    ]);
  });

  it('stays silent on allowVolumeExpansion, mount options and defaults written down', () => {
    expect(findings(STORAGE_CLASS(''), STORAGE_CLASS('allowVolumeExpansion: true\nmountOptions: [debug]\nreclaimPolicy: Delete\n'))).toEqual([]);
  });
});

describe('immutable-field-changed: ConfigMap and Secret', () => {
  const configMap = (extra: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n${extra}`;
  const secret = (extra: string) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: token\n${extra}`;

  it('reports data changes and unsetting immutable on an immutable ConfigMap', () => {
    expect(findings(configMap('immutable: true\ndata: {mode: fast}\n'), configMap('immutable: true\ndata: {mode: safe}\n'))).toEqual([
      "6:8-6:18 ConfigMap 'settings' is immutable (immutable: true) and data.mode changes from fast to safe: the API server refuses it. Create it under a new name and point the workloads at it, or delete it and apply again",
    ]);
    expect(findings(configMap('immutable: true\ndata: {mode: fast}\n'), configMap('data: {mode: fast}\n'))).toEqual([
      "2:1-2:16 ConfigMap 'settings' was created with immutable: true, which cannot be unset (now not set): the API server refuses it. Delete it and apply again",
    ]);
    expect(findings(configMap('data: {mode: fast}\n'), configMap('data: {mode: safe}\n'))).toEqual([]);
  });

  it('reads stringData as the data it becomes, and reports a Secret type change', () => {
    expect(findings(secret('immutable: true\ndata: {a: Yg==}\n'), secret('immutable: true\nstringData: {a: b}\n'))).toEqual([]);
    expect(spans(secret('immutable: true\ndata: {a: Yg==}\n'), secret('immutable: true\nstringData: {a: c}\n'))).toEqual(['6:14-6:18']);
    expect(findings(secret(''), secret('type: kubernetes.io/tls\n'))).toEqual([
      "5:1-5:24 Secret 'token': type changes from Opaque to kubernetes.io/tls, and the API server refuses to change a Secret's type: delete it and apply again",
    ]);
  });
});

// The same rule on the RuleTester, with the base of each case (what --base-files reads).
new RuleTester().run('immutable-field-changed', rule, {
  valid: [DB, { code: DB, base: DB }, { code: edit(DB, 'replicas: 3', 'replicas: 5'), base: DB }, { code: DB, base: LIVE }],
  invalid: [
    {
      code: edit(DB, 'storage: 10Gi', 'storage: 20Gi'),
      base: DB,
      errors: [{ messageId: 'claimTemplateStorage', line: 43, column: 11, endLine: 43, endColumn: 24 }],
    },
    {
      code: edit(DB, 'serviceName: db', 'serviceName: pg'),
      base: { 'HEAD~1:db.yaml': DB },
      errors: [
        {
          messageId: 'statefulSetSpec',
          data: {
            name: 'db',
            namespace: 'default',
            field: 'spec.serviceName',
            old: 'db',
            new: 'pg',
            version: '1.30',
            mutable: "'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds'",
          },
          line: 17,
          column: 3,
          endLine: 17,
          endColumn: 18,
        },
      ],
      lintOptions: { kubernetesVersion: '1.30' },
    },
  ],
});
