/**
 * api-validation: StatefulSet update strategies (OnDelete with rollingUpdate; maxUnavailable where
 * MaxUnavailableStatefulSet is on), volume mounts, host ports, and headless / ExternalName Services. Each check
 * has near misses that must stay silent; positions are pinned.
 */
import { describe, expect, it } from 'vitest';
import rule from '../../rules/api-validation/index.js';
import { isEnabled, statefulSetMaxUnavailableProblem } from '../../src/k8s/feature-gates.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import { descendingPathProblem } from '../../src/k8s/validation.js';

/** A StatefulSet 'web' whose spec.updateStrategy is `strategy` (lines 7-), pod template from line 8 on. */
const sts = (strategy: string, containerExtra = '', podExtra = '') => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: web
${strategy}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
${podExtra}      containers:
        - name: c
          image: nginx
${containerExtra}`;

/** A Deployment 'd' with an emptyDir volume v; `containers` from line 17. */
const dep = (containers: string, initContainers = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  selector:
    matchLabels: {app: d}
  template:
    metadata:
      labels: {app: d}
    spec:
      volumes:
        - name: v
          emptyDir: {}
${initContainers}      containers:
${containers}`;

const svc = (spec: string) => `apiVersion: v1
kind: Service
metadata:
  name: s
spec:
${spec}`;

const refuses = (kind: string, name: string) => `the API server refuses ${kind} '${name}'`;

new RuleTester().run('api-validation', rule, {
  valid: [
    // OnDelete without rollingUpdate; RollingUpdate with a partition.
    sts('  updateStrategy: {type: OnDelete}'),
    sts('  updateStrategy:\n    type: RollingUpdate\n    rollingUpdate: {partition: 1}'),
    // maxUnavailable 0 and 150% on 1.36 and 1.35: the gate is off, the API server drops the field before validating.
    sts('  updateStrategy:\n    rollingUpdate: {maxUnavailable: 0}'),
    { code: sts('  updateStrategy:\n    rollingUpdate: {maxUnavailable: 150%}'), lintOptions: { kubernetesVersion: '1.35' } },
    // Distinct mount paths, relative sub-paths with '..' inside a name, subPathExpr alone, privileged Bidirectional.
    dep(
      '        - name: c\n          image: nginx\n          securityContext: {privileged: true}\n          volumeMounts:\n' +
        '            - {name: v, mountPath: /a, subPath: a..b/c}\n            - {name: v, mountPath: /b, subPathExpr: $(POD)/x}\n' +
        '            - {name: v, mountPath: /c, mountPropagation: Bidirectional}\n            - {name: v, mountPath: /d, readOnly: true, recursiveReadOnly: Enabled}\n',
    ),
    // The same mount path in two containers; the same host port on different protocols or host IPs; hostPort 0.
    dep(
      '        - name: a\n          image: nginx\n          volumeMounts: [{name: v, mountPath: /a}]\n          ports:\n' +
        '            - {containerPort: 80, hostPort: 8080}\n            - {containerPort: 81, hostPort: 8080, protocol: UDP}\n' +
        '            - {containerPort: 82, hostPort: 8080, hostIP: 10.0.0.1}\n            - {containerPort: 83, hostPort: 0}\n' +
        '        - name: b\n          image: nginx\n          volumeMounts: [{name: v, mountPath: /a}]\n          ports: [{containerPort: 84}]\n',
    ),
    // An init container may use a host port a regular container uses (they do not run together).
    dep(
      '        - name: a\n          image: nginx\n          ports: [{containerPort: 80, hostPort: 8080}]\n',
      '      initContainers:\n        - name: i\n          image: nginx\n          ports: [{containerPort: 80, hostPort: 8080}]\n',
    ),
    // Headless ClusterIP Service; NodePort with an allocated cluster IP; ExternalName with a trailing dot and a nodePort.
    svc('  clusterIP: None\n  ports: [{port: 80}]'),
    svc('  type: NodePort\n  ports: [{name: a, port: 80, nodePort: 30001}, {name: b, port: 80, protocol: UDP, nodePort: 30001}]'),
    svc('  type: ExternalName\n  externalName: db.example.com.\n  ports: [{port: 80, nodePort: 30001}]'),
    // externalTrafficPolicy in a ClusterIP Service with external IPs (ExternallyAccessible).
    svc('  externalIPs: [10.0.0.9]\n  externalTrafficPolicy: Local\n  ports: [{port: 80}]'),
  ],
  invalid: [
    {
      code: sts('  updateStrategy:\n    type: OnDelete\n    rollingUpdate: {partition: 1}'),
      errors: [
        {
          messageId: 'forbidden',
          message: `rollingUpdate is only allowed for updateStrategy type 'RollingUpdate', not 'OnDelete'; ${refuses('StatefulSet', 'web')}`,
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 18,
        },
      ],
    },
    {
      code: dep(
        '        - name: c\n          image: nginx\n          volumeMounts:\n            - {name: v, mountPath: /a}\n            - {name: v, mountPath: /a}\n' +
          '            - {name: v, mountPath: ""}\n            - {name: v, mountPath: /b, subPath: ../etc}\n            - {name: v, mountPath: /c, subPathExpr: /abs}\n' +
          '            - {name: v, mountPath: /d, subPath: x, subPathExpr: z}\n            - {name: v, mountPath: /e, mountPropagation: Bidirectional}\n' +
          '            - {name: v, mountPath: /f, recursiveReadOnly: IfPossible}\n',
      ),
      errors: [
        { message: `mountPath '/a' is already used by volumeMounts[0] of the same container; each must be unique; ${refuses('Deployment', 'd')}`, line: 20, column: 25, endLine: 20, endColumn: 38 },
        { message: `mountPath is required (it is empty); ${refuses('Deployment', 'd')}`, line: 21, column: 25, endLine: 21, endColumn: 38 },
        { message: `subPath '../etc' must not contain '..'; ${refuses('Deployment', 'd')}`, line: 22, column: 40, endLine: 22, endColumn: 55 },
        { message: `subPathExpr '/abs' must be a relative path; ${refuses('Deployment', 'd')}`, line: 23, column: 40, endLine: 23, endColumn: 57 },
        { message: `subPathExpr may not be set together with subPath; ${refuses('Deployment', 'd')}`, line: 24, column: 52, endLine: 24, endColumn: 66 },
        {
          message: `Bidirectional mount propagation is only available to privileged containers (securityContext.privileged: true); ${refuses('Deployment', 'd')}`,
          line: 25,
          column: 40,
          endLine: 25,
          endColumn: 71,
        },
        { message: `recursiveReadOnly 'IfPossible' may only be set on a mount with readOnly: true; ${refuses('Deployment', 'd')}`, line: 26, column: 40, endLine: 26, endColumn: 69 },
      ],
    },
    {
      // Same hostPort and protocol across two containers, and twice in one init container.
      code: dep(
        '        - name: a\n          image: nginx\n          ports: [{containerPort: 80, hostPort: 8080}]\n' +
          '        - name: b\n          image: nginx\n          ports: [{containerPort: 81, hostPort: 8080, protocol: TCP}]\n',
        '      initContainers:\n        - name: i\n          image: nginx\n          ports: [{containerPort: 80, hostPort: 9090}, {containerPort: 81, hostPort: 9090}]\n',
      ),
      errors: [
        {
          message: `host port '9090/TCP' is already used by spec.template.spec.initContainers[0].ports[0]; two ports of the pod cannot bind the same host port; ${refuses('Deployment', 'd')}`,
          line: 18,
          column: 76,
          endLine: 18,
          endColumn: 90,
        },
        {
          message: `host port '8080/TCP' is already used by spec.template.spec.containers[0].ports[0]; two ports of the pod cannot bind the same host port; ${refuses('Deployment', 'd')}`,
          line: 25,
          column: 39,
          endLine: 25,
          endColumn: 53,
        },
      ],
    },
    {
      code: svc('  type: NodePort\n  clusterIP: None\n  ports: [{name: a, port: 80, nodePort: 30001}, {name: b, port: 81, nodePort: 30001}]'),
      errors: [
        { message: `the cluster IP may not be 'None' (headless) in a NodePort Service; ${refuses('Service', 's')}`, line: 7, column: 3, endLine: 7, endColumn: 18 },
        { message: `nodePort '30001/TCP' is already used by another port of the Service; ${refuses('Service', 's')}`, line: 8, column: 69, endLine: 8, endColumn: 84 },
      ],
    },
    {
      code: svc('  type: LoadBalancer\n  clusterIP: None\n  clusterIPs: [None]\n  ports: [{port: 80}]'),
      errors: [{ message: `the cluster IP may not be 'None' (headless) in a LoadBalancer Service; ${refuses('Service', 's')}`, line: 8, column: 16, endLine: 8, endColumn: 20 }],
    },
    {
      code: svc('  type: ExternalName\n  externalName: Db_1.example.com\n  clusterIP: 10.0.0.1\n  ipFamilies: [IPv4]\n  ipFamilyPolicy: SingleStack'),
      errors: [
        {
          message: `spec.externalName 'Db_1.example.com' must consist of lower case alphanumeric characters, '-' or '.', and start and end with an alphanumeric character (it must be a DNS-1123 subdomain); ${refuses('Service', 's')}`,
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 33,
        },
        { message: `clusterIP may not be set for an ExternalName Service; ${refuses('Service', 's')}`, line: 8, column: 3, endLine: 8, endColumn: 22 },
        { message: `ipFamilies may not be set for an ExternalName Service; ${refuses('Service', 's')}`, line: 9, column: 3, endLine: 9, endColumn: 13 },
        { message: `ipFamilyPolicy may not be set for an ExternalName Service; ${refuses('Service', 's')}`, line: 10, column: 3, endLine: 10, endColumn: 30 },
      ],
    },
  ],
});

describe('MaxUnavailableStatefulSet', () => {
  it('is off by default in every bundled version (beta and off in 1.35 and 1.36, per the v1.36.3 table)', () => {
    expect(['1.24', '1.34', '1.35', '1.36'].map((version) => isEnabled('MaxUnavailableStatefulSet', version))).toEqual([false, false, false, false]);
    expect(isEnabled('PodIndexLabel', '1.27')).toBe(false);
    expect(isEnabled('PodIndexLabel', '1.28')).toBe(true);
  });

  it('refuses 0, over 100% and what is not an int or percent where the gate is on (validateRollingUpdateStatefulSet)', () => {
    expect([0, '0%', '101%', '150%', '1', '20 %', -1].map(statefulSetMaxUnavailableProblem)).toEqual([
      'cannot be 0',
      'cannot be 0',
      'must not be more than 100%',
      'must not be more than 100%',
      "must be an integer or a percentage such as '25%'",
      "must be an integer or a percentage such as '25%'",
      'must be 0 or more',
    ]);
    expect([1, 5, '1%', '100%'].map(statefulSetMaxUnavailableProblem)).toEqual([undefined, undefined, undefined, undefined]);
  });

});

describe('descendingPathProblem', () => {
  it('refuses absolute paths and .. elements only (validateLocalDescendingPath)', () => {
    expect(['/etc', '..', 'a/../b', '../x', 'a/..'].map(descendingPathProblem)).toEqual([
      'must be a relative path',
      "must not contain '..'",
      "must not contain '..'",
      "must not contain '..'",
      "must not contain '..'",
    ]);
    expect(['', 'a', 'a..b', '..a/b', 'a/./b', 'a\\..\\b'].map(descendingPathProblem)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
