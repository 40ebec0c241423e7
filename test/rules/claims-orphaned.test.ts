import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/claims-orphaned/index.js';
import { runWithBase, span } from '../helpers/base.js';
import { lintText } from '../../src/lint.js';
import { RuleTester } from '../../src/linter/rule-tester.js';

const LIVE = readFileSync(resolve('fixtures/base/live-list.yaml'), 'utf8');

const statefulSet = (name: string, options: { replicas?: number; template?: string; service?: string; extra?: string; labels?: string } = {}) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}
spec:
  serviceName: ${options.service ?? 'db'}
  replicas: ${options.replicas ?? 3}
${options.extra ?? ''}  selector:
    matchLabels: {app: ${options.labels ?? 'db'}}
  template:
    metadata:
      labels: {app: ${options.labels ?? 'db'}}
    spec:
      containers: [{name: db, image: postgres:16}]
  volumeClaimTemplates:
  - metadata:
      name: ${options.template ?? 'data'}
    spec:
      accessModes: [ReadWriteOnce]
      resources: {requests: {storage: 10Gi}}
`;

const CONFIG_MAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata: {a: b}\n';

function findings(base: string | Record<string, string>, code: string | Record<string, string>): string[] {
  return runWithBase(rule, base, code).map((message) => `${message.file} ${span(message)} ${message.message}`);
}

describe('claims-orphaned', () => {
  it('reports a deleted StatefulSet on its base object, with its claims and whenDeleted: Retain', () => {
    expect(findings({ 'HEAD~1:deploy/db.yaml': statefulSet('db') }, CONFIG_MAP)).toEqual([
      "HEAD~1:deploy/db.yaml 4:3-4:11 StatefulSet 'db' is in the base but not in the manifests: deleting it keeps its claims data-db-0, data-db-1, data-db-2 (whenDeleted: Retain), with their data and no pod to use them; delete them once the data is no longer needed, or keep the StatefulSet",
    ]);
  });

  it('says that whenDeleted: Delete deletes the claims, and shortens long claim lists', () => {
    const base = statefulSet('db', { replicas: 12, extra: '  persistentVolumeClaimRetentionPolicy: {whenDeleted: Delete}\n' });
    expect(findings(base, CONFIG_MAP)).toEqual([
      "base.yaml 4:3-4:11 StatefulSet 'db' is in the base but not in the manifests: deleting it deletes its claims data-db-0, data-db-1, data-db-2, …, data-db-11 (12 claims) and their data (whenDeleted: Delete); back the data up first, or keep the StatefulSet",
    ]);
  });

  it('reports a renamed StatefulSet on its new name, once', () => {
    expect(findings(statefulSet('db'), statefulSet('postgres'))).toEqual([
      "test.yaml 4:3-4:17 StatefulSet 'postgres' replaces 'db' of the base (same governing Service 'db'): its pods start with new, empty claims data-postgres-0, data-postgres-1, data-postgres-2, while the data stays in data-db-0, data-db-1, data-db-2, kept (whenDeleted: Retain) but mounted by no pod; copy the data over, or keep the name 'db'",
    ]);
    expect(findings(statefulSet('db'), statefulSet('postgres', { service: 'postgres' }))).toEqual([expect.stringContaining("replaces 'db' of the base (same selector)")]);
  });

  it('reports a renamed claim template at the new template, and a removed one at the list', () => {
    expect(findings(statefulSet('db'), statefulSet('db', { template: 'pgdata' }))).toEqual([
      "test.yaml 17:7-17:19 Claim template 'data' of StatefulSet 'db' is renamed to 'pgdata': the pods get new, empty claims pgdata-db-0, pgdata-db-1, pgdata-db-2, while the data stays in data-db-0, data-db-1, data-db-2, which no pod mounts any more",
    ]);
    const without = statefulSet('db').slice(0, statefulSet('db').indexOf('  volumeClaimTemplates:'));
    expect(findings(statefulSet('db'), without)).toEqual([
      "test.yaml 5:1-5:5 Claim template 'data' is removed from StatefulSet 'db': its claims data-db-0, data-db-1, data-db-2 stay, with their data, and no pod mounts them any more",
    ]);
  });

  it('reports a Deployment with a claim replaced by a StatefulSet with claim templates', () => {
    const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: pg
spec:
  selector:
    matchLabels: {app: pg}
  template:
    metadata:
      labels: {app: pg}
    spec:
      containers: [{name: pg, image: postgres:16, volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]}]
      volumes:
      - name: data
        persistentVolumeClaim: {claimName: pg-data}
`;
    expect(findings(deployment, statefulSet('pg', { replicas: 1, labels: 'pg', service: 'pg' }))).toEqual([
      "test.yaml 17:7-17:17 StatefulSet 'pg' replaces Deployment 'pg' of the base, which mounted claim 'pg-data': the StatefulSet's pods get new, empty claims data-pg-0 instead; copy the data over first, or create data-pg-0 bound to the old volume before the StatefulSet starts",
    ]);
  });

  it('stays silent when names and claim templates are kept, whatever else changes', () => {
    const changed = statefulSet('db', { replicas: 5 }).replace('postgres:16', 'postgres:17').replace('storage: 10Gi', 'storage: 20Gi');
    expect(findings({ 'old.yaml': statefulSet('db') }, { 'moved/new.yaml': changed })).toEqual([]);
    expect(findings(statefulSet('db'), `${statefulSet('db')}---\n${statefulSet('cache', { service: 'cache', labels: 'cache' })}`)).toEqual([]);
  });

  it('stays silent on a deleted StatefulSet without claim templates, and on a live export holding more than the manifests', () => {
    const noClaims = statefulSet('db').slice(0, statefulSet('db').indexOf('  volumeClaimTemplates:'));
    expect(findings(noClaims, CONFIG_MAP)).toEqual([]);
    expect(findings(LIVE, CONFIG_MAP)).toEqual([]);
    // A custom resource sharing the kind name is not compared.
    expect(findings(statefulSet('db').replace('apps/v1', 'example.com/v1'), CONFIG_MAP)).toEqual([]);
  });

  it('reports nothing without a base', () => {
    expect(lintText(statefulSet('db'), { registry: [rule] }).findings).toEqual([]);
  });
});

// The same rule on the RuleTester, with the base of each case (what --base-files reads).
new RuleTester().run('claims-orphaned', rule, {
  valid: [statefulSet('db'), { code: statefulSet('db'), base: statefulSet('db') }, { code: CONFIG_MAP, base: LIVE }],
  invalid: [
    {
      code: CONFIG_MAP,
      base: statefulSet('db', { replicas: 1 }),
      errors: [{ messageId: 'deletedRetain', data: { name: 'db', claims: 'data-db-0' }, file: 'base.yaml', line: 4, column: 3, endLine: 4, endColumn: 11 }],
    },
    {
      code: statefulSet('db', { template: 'pgdata', replicas: 1 }),
      base: statefulSet('db', { replicas: 1 }),
      errors: [{ messageId: 'templateRenamed', line: 17, column: 7, endLine: 17, endColumn: 19 }],
    },
  ],
});
