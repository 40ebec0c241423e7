import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { skipNote, skipReason, useOracle } from './client.js';
import type { Obj } from './inputs.js';

/**
 * fixtures/base/defaults-expected.yaml, which test/base/defaults.test.ts holds stslint's API defaults to, must be
 * the oracle's `default` answer for fixtures/base/defaults-input.yaml, less what the server assigns rather than
 * defaults (cluster IPs and IP families, node ports, a Job's selector and uid labels, a DaemonSet's generation
 * annotation) and the metadata and status it always writes.
 */
const skip = skipReason();
const FIXTURES = resolve('fixtures/base');
const JOB_LABELS = ['batch.kubernetes.io/controller-uid', 'batch.kubernetes.io/job-name', 'controller-uid', 'job-name'];

describe.skipIf(Boolean(skip))(`API defaults: fixtures/base/defaults-expected.yaml is the oracle's${skipNote(skip)}`, () => {
  const oracle = useOracle();

  it('for every object of defaults-input.yaml', async () => {
    const documents = (file: string) => parseAllDocuments(readFileSync(resolve(FIXTURES, file), 'utf8')).map((doc) => doc.toJS() as Obj);
    const inputs = documents('defaults-input.yaml');
    const answers = await Promise.all(inputs.map((object) => oracle().ask({ op: 'default', object })));
    expect(answers.map((answer, i) => withoutAssigned(answer.object!, inputs[i]))).toEqual(documents('defaults-expected.yaml'));
  }, 120_000);
});

/** The oracle's object without what the server assigns, writes of its own, or prints for every object. */
function withoutAssigned(object: Obj, input: Obj): Obj {
  delete object.status;
  for (const key of ['generation', 'namespace', 'creationTimestamp']) delete object.metadata[key];
  for (const claim of object.spec?.volumeClaimTemplates ?? []) {
    delete claim.apiVersion;
    delete claim.kind;
  }
  if (object.kind === 'DaemonSet') delete object.metadata.annotations['deprecated.daemonset.template.generation'];
  if (object.kind === 'Service') {
    for (const key of ['clusterIPs', 'ipFamilies', 'ipFamilyPolicy', 'healthCheckNodePort']) delete object.spec[key];
    if (input.spec.clusterIP === undefined) delete object.spec.clusterIP;
    for (const port of object.spec.ports ?? []) delete port.nodePort;
  }
  if (object.kind === 'Job') {
    delete object.spec.selector;
    for (const holder of [object.spec.template.metadata, object.metadata]) {
      for (const key of JOB_LABELS) delete holder.labels?.[key];
      if (holder.labels && Object.keys(holder.labels).length === 0) delete holder.labels;
    }
  }
  if (object.metadata.annotations && Object.keys(object.metadata.annotations).length === 0) delete object.metadata.annotations;
  return object;
}
