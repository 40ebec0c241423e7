import { describe, expect, it } from 'vitest';
import rule from '../../rules/api-validation/index.js';
import { RuleTester } from '../../src/linter/rule-tester.js';
import {
  dns1035LabelProblem,
  dnsLabelProblem,
  envVarNameProblem,
  labelValueProblem,
  pathSegmentProblem,
  percentOf,
  portNameProblem,
  qualifiedNameProblem,
  quantityProblem,
  isIpAddress,
} from '../../src/k8s/validation.js';
import { deployment, POSTGRES, statefulSet, type WorkloadOptions } from '../helpers/manifests.js';

/**
 * The StatefulSet 'db' of POSTGRES (governed by the Service db) with `lines` appended: its container's `image:` is on
 * line 17, so lines indented 10 spaces continue the container, 6 the pod spec and 2 the spec, from line 18.
 */
const db = (lines = '', options: WorkloadOptions = {}) => statefulSet({ ...POSTGRES, serviceName: 'db', ...options }) + lines;

/** The Deployment 'db' of POSTGRES with `lines` appended (from line 17, as for `db`). */
const dbDeployment = (lines = '', options: WorkloadOptions = {}) => deployment({ ...POSTGRES, ...options }) + lines;

const pdb = (budget: string) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: db
spec:
  ${budget}
  selector:
    matchLabels:
      app: db
`;

const service = (ports: string, name = 'db') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  selector:
    app: db
  ports:
${ports}`;

/** The end of most messages: the API server refuses the object. */
const refuses = (kind: string, name = 'db') => `the API server refuses ${kind} '${name}'`;
const REFUSED = refuses('StatefulSet');
const PODS_REFUSED = "Kubernetes 1.30 accepts StatefulSet 'db' but refuses every pod it creates (the pod template is validated on create only from 1.34)";
/** The message for a quantity of the StatefulSet 'db' that does not parse. */
const notAQuantity = (value: string) =>
  `'${value}' is not a quantity: a number with an optional suffix (Ki, Mi, Gi, Ti, Pi, Ei; n, u, m, k, M, G, T, P, E; or an exponent such as e3), e.g. 512Mi or 0.5; the API server cannot decode StatefulSet 'db' and refuses it`;
const v130 = { kubernetesVersion: '1.30' };

new RuleTester().run('api-validation', rule, {
  valid: [
    db(),
    // 63-character container name, 15-character port name, a percent string, YAML 1.1 integers.
    db(`          ports: [{name: ${'a'.repeat(15)}, containerPort: 0x50}]\n  replicas: 010\n`).replace('- name: db', `- name: ${'a'.repeat(63)}`),
    pdb('maxUnavailable: "50%"'),
    pdb('minAvailable: 0'),
    pdb('maxUnavailable: 100%'),
    // Qualified label keys with prefixes, empty label values, annotation keys in any case.
    db('', { metadata: { labels: { 'app.kubernetes.io/name': '', 'example.com/Tier_1.x': 'A-b_c.d' }, annotations: { 'Example.COM/Owner': 'team' } } }),
    // Requests up to the limit, in other units; quantities as numbers.
    db('          resources:\n            requests: {cpu: 500m, memory: 1Gi}\n            limits: {cpu: 0.5, memory: 1073741824}\n'),
    // A name with a dot is fine for a Deployment, and a digit first is fine for a Service on 1.36.
    dbDeployment('', { name: 'db.v1' }),
    service('    - port: 80\n', '1db'),
    // Environment variable names: anything printable but '=' from 1.32.
    dbDeployment('          env: [{name: 1.CONFIG-value, value: x}]\n'),
    // Deployment surge may be above 100%; maxUnavailable 0 with the default surge of 25% is fine.
    dbDeployment().replace('  selector:', '  strategy:\n    rollingUpdate: {maxSurge: 150%, maxUnavailable: 0}\n  selector:'),
    // Custom resources and kinds of other groups are not visited.
    'apiVersion: example.com/v1\nkind: StatefulSet\nmetadata:\n  name: Not_Checked\n',
    // Names of 53 to 63 characters are statefulset-name-too-long's (their pods' controller-revision-hash label).
    db('', { name: 'a'.repeat(63) }),
    // Defaults the API server fills in: a Service targetPort 0 is its port, hostPort 0 under hostNetwork its containerPort.
    service('    - {port: 80, targetPort: 0}\n'),
    dbDeployment('          ports: [{containerPort: 8080, hostPort: 0}]\n').replace('    spec:\n      containers:', '    spec:\n      hostNetwork: true\n      containers:'),
    // A headless Service needs no port; extended resources with equal requests and limits; valid keys and base64.
    service('').replace('  ports:\n', '  clusterIP: None\n'),
    dbDeployment('          resources: {requests: {example.com/gpu: 1}, limits: {example.com/gpu: 1}}\n'),
    'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  tls.crt: aGVsbG8=\n  .env: eA==\n',
    // StatefulSet maxUnavailable is dropped while the MaxUnavailableStatefulSet gate is off (default up to 1.36).
    db('  updateStrategy:\n    rollingUpdate: {maxUnavailable: 0}\n'),
    // Objects of API versions the target does not serve are left to api-version-removed.
    db('', { name: 'Bad_Name', apiVersion: 'apps/v1beta1' }),
  ],
  invalid: [
    {
      code: db('', { name: 'Postgres_DB' }),
      errors: [
        {
          messageId: 'invalidName',
          message: `StatefulSet name 'Postgres_DB' must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character (it must be a DNS-1123 label); ${refuses('StatefulSet', 'Postgres_DB')}`,
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 20,
        },
      ],
    },
    {
      code: db('', { name: 'vol.v1' }),
      errors: [
        {
          messageId: 'invalidName',
          message: `StatefulSet name 'vol.v1' must not contain dots (it must be a DNS-1123 label); ${refuses('StatefulSet', 'vol.v1')}`,
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
    {
      code: db('', { name: 'vol.v1' }),
      lintOptions: { kubernetesVersion: '1.26' },
      errors: [
        {
          messageId: 'statefulSetHostname',
          message: "StatefulSet name 'vol.v1' is not a DNS-1123 label (must not contain dots): Kubernetes 1.26 accepts the StatefulSet but refuses every pod it creates, as a pod's hostname such as 'vol.v1-0' must be a DNS-1123 label (from 1.27 the StatefulSet itself is refused)",
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 15,
        },
      ],
    },
    {
      code: db(`          ports:\n            - name: gameTCP\n              containerPort: 7777\n            - name: ${'a'.repeat(16)}\n              containerPort: 70000\n`),
      errors: [
        {
          messageId: 'invalidListedName',
          message: `port name 'gameTCP' must contain only lower case letters (a-z), digits (0-9) and hyphens (-) (an IANA service name); ${REFUSED}`,
          line: 19,
          column: 15,
          endLine: 19,
          endColumn: 28,
        },
        {
          messageId: 'invalidListedName',
          message: `port name '${'a'.repeat(16)}' must be no more than 15 characters (it has 16) (an IANA service name); ${REFUSED}`,
          line: 21,
          column: 15,
          endLine: 21,
          endColumn: 37,
        },
        { messageId: 'invalidPort', message: `containerPort 70000 must be between 1 and 65535, inclusive; ${REFUSED}`, line: 22, column: 15, endLine: 22, endColumn: 35 },
      ],
    },
    {
      // The same on a target before 1.34: the StatefulSet is accepted, its pods refused.
      code: db('          ports: [{name: gameTCP, containerPort: 7777}]\n'),
      lintOptions: v130,
      errors: [
        {
          messageId: 'invalidListedName',
          message: `port name 'gameTCP' must contain only lower case letters (a-z), digits (0-9) and hyphens (-) (an IANA service name); ${PODS_REFUSED}`,
          line: 18,
          column: 20,
          endLine: 18,
          endColumn: 33,
        },
      ],
    },
    {
      code: db().replace('- name: db', `- name: ${'a'.repeat(67)}`),
      lintOptions: v130,
      errors: [
        {
          messageId: 'invalidListedName',
          message: `container name '${'a'.repeat(67)}' must be no more than 63 characters (it has 67); ${PODS_REFUSED}`,
          line: 16,
          column: 11,
          endLine: 16,
          endColumn: 84,
        },
      ],
    },
    {
      code: db('        - name: db\n          image: busybox\n'),
      errors: [
        {
          messageId: 'duplicateName',
          message: `container name 'db' is already used by container at spec.template.spec.containers[0]; ${REFUSED}`,
          line: 18,
          column: 11,
          endLine: 18,
          endColumn: 19,
        },
      ],
    },
    {
      code: db('      volumes:\n        - {name: Data, emptyDir: {}}\n        - {name: Data, emptyDir: {}}\n'),
      errors: [
        {
          messageId: 'invalidListedName',
          message: `volume name 'Data' must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character; ${REFUSED}`,
          line: 19,
          column: 12,
          endLine: 19,
          endColumn: 22,
        },
        {
          messageId: 'invalidListedName',
          message: `volume name 'Data' must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character; ${REFUSED}`,
          line: 20,
          column: 12,
          endLine: 20,
          endColumn: 22,
        },
        {
          messageId: 'duplicateName',
          message: `volume name 'Data' is already used by volume at spec.template.spec.volumes[0]; ${REFUSED}`,
          line: 20,
          column: 12,
          endLine: 20,
          endColumn: 22,
        },
      ],
    },
    {
      code: db('          resources:\n            requests: {cpu: "2"}\n            limits: {cpu: "1", memory: 512MB}\n'),
      errors: [
        { messageId: 'requestAboveLimit', message: `the cpu request '2' is more than its limit '1'; ${REFUSED}`, line: 19, column: 24, endLine: 19, endColumn: 32 },
        { messageId: 'invalidQuantity', message: notAQuantity('512MB'), line: 20, column: 32, endLine: 20, endColumn: 45 },
      ],
    },
    {
      code: dbDeployment('          resources:\n            limits: {memory: -1Gi}\n'),
      errors: [
        { messageId: 'negativeQuantity', message: `memory '-1Gi' must not be negative; ${refuses('Deployment')}`, line: 18, column: 22, endLine: 18, endColumn: 34 },
      ],
    },
    {
      code: dbDeployment('          env:\n            - {name: A=B, value: x}\n'),
      errors: [
        {
          messageId: 'invalidEnvName',
          message: `environment variable name 'A=B' must consist only of printable ASCII characters other than '=' (Kubernetes 1.36); ${refuses('Deployment')}`,
          line: 18,
          column: 16,
          endLine: 18,
          endColumn: 25,
        },
      ],
    },
    {
      code: dbDeployment('          env:\n            - {name: 1BAD, value: x}\n'),
      lintOptions: v130,
      errors: [
        {
          messageId: 'invalidEnvName',
          message: `environment variable name '1BAD' must consist of letters, digits, '_', '-' or '.', and not start with a digit (Kubernetes 1.30); ${refuses('Deployment')}`,
          line: 18,
          column: 16,
          endLine: 18,
          endColumn: 26,
        },
      ],
    },
    {
      code: db('          livenessProbe:\n            exec: {command: [true]}\n            periodSeconds: -1\n            successThreshold: 2\n  replicas: -1\n  minReadySeconds: -5\n'),
      errors: [
        { messageId: 'negative', message: `periodSeconds is -1; it must be 0 or more; ${REFUSED}`, line: 20, column: 13, endLine: 20, endColumn: 30 },
        { messageId: 'mustBeOne', message: `successThreshold of a livenessProbe is 2; it must be 1; ${REFUSED}`, line: 21, column: 13, endLine: 21, endColumn: 32 },
        { messageId: 'negative', message: `replicas is -1; it must be 0 or more; ${REFUSED}`, line: 22, column: 3, endLine: 22, endColumn: 15 },
        { messageId: 'negative', message: `minReadySeconds is -5; it must be 0 or more; ${REFUSED}`, line: 23, column: 3, endLine: 23, endColumn: 22 },
      ],
    },
    {
      code: db('', { metadata: { labels: { app: 'bad value!', '-tier': 'x' }, annotations: { 'a b': 'c' } } }),
      errors: [
        {
          messageId: 'invalidLabelValue',
          message: `label value 'bad value!' of 'app' must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character; ${REFUSED}`,
          line: 6,
          column: 5,
          endLine: 6,
          endColumn: 20,
        },
        {
          messageId: 'invalidKey',
          message: `label key '-tier' has a name part that must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character; ${REFUSED}`,
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 13,
        },
        {
          messageId: 'invalidKey',
          message: `annotation key 'a b' has a name part that must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character; ${REFUSED}`,
          line: 9,
          column: 5,
          endLine: 9,
          endColumn: 11,
        },
      ],
    },
    {
      code: db('', { metadata: { annotations: { big: 'x'.repeat(262142) } } }),
      errors: [
        {
          messageId: 'annotationsTooLarge',
          message: `annotations total 262145 bytes, more than the 262144 (256 KiB) the API server allows; ${REFUSED}`,
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 14,
        },
      ],
    },
    {
      code: db().replace('      app: db\n  template', '      app: db\n    matchExpressions:\n      - {key: app, operator: In}\n      - {key: tier, operator: Exists, values: [a]}\n  template'),
      errors: [
        {
          messageId: 'selectorValues',
          message: `a selector requirement with operator In must list at least one value; ${REFUSED}`,
          line: 11,
          column: 10,
          endLine: 11,
          endColumn: 18,
        },
        { messageId: 'selectorValues', message: `a selector requirement with operator Exists must not list values; ${REFUSED}`, line: 12, column: 39, endLine: 12, endColumn: 45 },
      ],
    },
    {
      code: db().replace('    matchLabels:\n      app: db\n', '    matchLabels: {}\n'),
      errors: [
        {
          messageId: 'emptySelector',
          message: `spec.selector selects nothing (no matchLabels, no matchExpressions), which is invalid for a StatefulSet; ${REFUSED}`,
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 11,
        },
      ],
    },
    {
      code: pdb('maxUnavailable: "1"'),
      errors: [
        {
          messageId: 'invalidIntOrPercent',
          message: `maxUnavailable '1' must be an integer or a percentage such as '25%'; remove the quotes for a count of 1; ${refuses('PodDisruptionBudget')}`,
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 22,
        },
      ],
    },
    {
      code: pdb('maxUnavailable: "150%"'),
      errors: [
        {
          messageId: 'percentAbove100',
          message: `maxUnavailable '150%' must not be more than 100%; ${refuses('PodDisruptionBudget')}`,
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 25,
        },
      ],
    },
    {
      code: pdb('minAvailable: "20 %"'),
      errors: [
        {
          messageId: 'invalidIntOrPercent',
          message: `minAvailable '20 %' must be an integer or a percentage such as '25%'; remove the space; ${refuses('PodDisruptionBudget')}`,
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 23,
        },
      ],
    },
    {
      code: pdb('minAvailable: -1'),
      errors: [
        { messageId: 'negative', message: `minAvailable is -1; it must be 0 or more; ${refuses('PodDisruptionBudget')}`, line: 6, column: 3, endLine: 6, endColumn: 19 },
      ],
    },
    {
      code: service('    - {port: 80}\n    - {name: Http, port: 0, targetPort: gameTCP}\n', 'db.v1'),
      errors: [
        {
          messageId: 'invalidName',
          message: `Service name 'db.v1' must not contain dots (it must be a DNS-1123 label); ${refuses('Service', 'db.v1')}`,
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 14,
        },
        { messageId: 'unnamedPort', message: `a Service with several ports must name each of them; ${refuses('Service', 'db.v1')}`, line: 9, column: 8, endLine: 9, endColumn: 16 },
        {
          messageId: 'invalidListedName',
          message: `Service port name 'Http' must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character; ${refuses('Service', 'db.v1')}`,
          line: 10,
          column: 8,
          endLine: 10,
          endColumn: 18,
        },
        { messageId: 'invalidPort', message: `port 0 must be between 1 and 65535, inclusive; ${refuses('Service', 'db.v1')}`, line: 10, column: 20, endLine: 10, endColumn: 27 },
        {
          messageId: 'invalidListedName',
          message: `targetPort name 'gameTCP' must contain only lower case letters (a-z), digits (0-9) and hyphens (-) (a port number, or an IANA service name); ${refuses('Service', 'db.v1')}`,
          line: 10,
          column: 29,
          endLine: 10,
          endColumn: 48,
        },
      ],
    },
    {
      // Before 1.36, Service names are DNS-1035 labels: no digit first.
      code: service('    - port: 80\n', '1db'),
      lintOptions: v130,
      errors: [
        {
          messageId: 'invalidName',
          message: `Service name '1db' must consist of lower case alphanumeric characters or '-', start with a letter and end with an alphanumeric character (it must be a DNS-1035 label); ${refuses('Service', '1db')}`,
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 12,
        },
      ],
    },
    {
      code: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: ' + 'a'.repeat(53) + '\nspec:\n  schedule: "* * * * *"\n  successfulJobsHistoryLimit: -1\n',
      errors: [
        {
          messageId: 'nameTooLongForLabel',
          message: `CronJob name '${'a'.repeat(53)}' is 53 characters, more than 52: the name of what its controller creates would be refused (a Job labels its pods with its name, a label value of at most 63; a CronJob names its Jobs <name>-<up to 11 digits>)`,
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 62,
        },
        {
          messageId: 'negative',
          message: `successfulJobsHistoryLimit is -1; it must be 0 or more; the API server refuses CronJob '${'a'.repeat(53)}'`,
          line: 7,
          column: 3,
          endLine: 7,
          endColumn: 33,
        },
      ],
    },
    {
      code: db('', { name: 'a'.repeat(64) }),
      errors: [
        {
          messageId: 'invalidName',
          message: `StatefulSet name '${'a'.repeat(64)}' must be no more than 63 characters (it has 64) (it must be a DNS-1123 label); the API server refuses StatefulSet '${'a'.repeat(64)}'`,
          line: 4,
          column: 3,
          endLine: 4,
          endColumn: 73,
        },
      ],
    },
    {
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    spec:\n      dnsPolicy: None\n      activeDeadlineSeconds: 0\n      containers: [{name: j}]\n',
      errors: [
        {
          messageId: 'forbidden',
          message: `restartPolicy (which defaults to Always) must be OnFailure or Never in a Job; ${refuses('Job', 'j')}`,
          line: 7,
          column: 5,
          endLine: 7,
          endColumn: 9,
        },
        { messageId: 'required', message: `dnsConfig is required when dnsPolicy is None; ${refuses('Job', 'j')}`, line: 8, column: 7, endLine: 8, endColumn: 22 },
        { messageId: 'forbidden', message: `activeDeadlineSeconds 0 must be between 1 and 2147483647; ${refuses('Job', 'j')}`, line: 9, column: 7, endLine: 9, endColumn: 31 },
        { messageId: 'required', message: `the image of container 'j' is required; ${refuses('Job', 'j')}`, line: 10, column: 21, endLine: 10, endColumn: 28 },
      ],
    },
    {
      code: dbDeployment('          resources:\n            requests: {example.com/gpu: 1, gpu: 1, hugepages-2Mi: 1Gi}\n            limits: {example.com/gpu: 2}\n'),
      errors: [
        {
          messageId: 'requestNotLimit',
          message: `the example.com/gpu request '1' must equal its limit '2': extended resources and huge pages cannot be overcommitted; ${refuses('Deployment')}`,
          line: 18,
          column: 24,
          endLine: 18,
          endColumn: 42,
        },
        {
          messageId: 'invalidKey',
          message: `resource name 'gpu' must be a standard resource for containers (cpu, memory, ephemeral-storage, hugepages-<size>) or a fully qualified name such as example.com/gpu; ${refuses('Deployment')}`,
          line: 18,
          column: 44,
          endLine: 18,
          endColumn: 50,
        },
        {
          messageId: 'required',
          message: `a limit for hugepages-2Mi is required, as for every extended resource and huge pages, which cannot be overcommitted; ${refuses('Deployment')}`,
          line: 18,
          column: 52,
          endLine: 18,
          endColumn: 70,
        },
      ],
    },
    {
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  bad key: x\n  ..: y\nbinaryData:\n  ok: eA==\n---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: not base64!\n',
      errors: [
        {
          messageId: 'invalidDataKey',
          message: `key 'bad key' must consist of alphanumeric characters, '-', '_' or '.'; ${refuses('ConfigMap', 'c')}`,
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 13,
        },
        { messageId: 'invalidDataKey', message: `key '..' must not be '..'; ${refuses('ConfigMap', 'c')}`, line: 7, column: 3, endLine: 7, endColumn: 8 },
        {
          messageId: 'notBase64',
          message: "Secret data 'a' is not base64 (standard alphabet, padded with =); the API server cannot decode Secret 's' and refuses it",
          line: 16,
          column: 3,
          endLine: 16,
          endColumn: 17,
        },
      ],
    },
    {
      code: service('').replace('  ports:\n', '  clusterIP: 10.96.0.256\n  externalTrafficPolicy: Local\n'),
      errors: [
        {
          messageId: 'required',
          message: `at least one port is required in a ClusterIP Service that is not headless; ${refuses('Service')}`,
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 5,
        },
        {
          messageId: 'forbidden',
          message: `clusterIP '10.96.0.256' must be an IP address, 'None' (headless) or empty; ${refuses('Service')}`,
          line: 8,
          column: 3,
          endLine: 8,
          endColumn: 25,
        },
        {
          messageId: 'forbidden',
          message: `externalTrafficPolicy may only be set for NodePort and LoadBalancer Services, and ClusterIP Services with externalIPs, not this ClusterIP Service; ${refuses('Service')}`,
          line: 9,
          column: 3,
          endLine: 9,
          endColumn: 31,
        },
      ],
    },
    {
      code: service('    - {name: a, port: 80, nodePort: 30080}\n    - {name: b, port: 80}\n'),
      errors: [
        {
          messageId: 'forbidden',
          message: `nodePort may only be set for NodePort and LoadBalancer Services; ${refuses('Service')}`,
          line: 9,
          column: 27,
          endLine: 9,
          endColumn: 42,
        },
        { messageId: 'duplicateServicePort', message: `port '80/TCP' is declared twice in the Service; ${refuses('Service')}`, line: 10, column: 8, endLine: 10, endColumn: 15 },
      ],
    },
    {
      code: 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: c\nspec:\n  accessModes: [ReadWriteOncePod, ReadWriteOnce]\n  resources:\n    requests: {storage: 0}\n',
      errors: [
        {
          messageId: 'forbidden',
          message: `ReadWriteOncePod may not be used with other access modes; ${refuses('PersistentVolumeClaim', 'c')}`,
          line: 6,
          column: 3,
          endLine: 6,
          endColumn: 14,
        },
        { messageId: 'forbidden', message: `storage request '0' must be more than zero; ${refuses('PersistentVolumeClaim', 'c')}`, line: 8, column: 16, endLine: 8, endColumn: 26 },
      ],
    },
    {
      code: 'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\nprovisioner: bad provisioner\nreclaimPolicy: Recycle\n',
      errors: [
        {
          messageId: 'invalidKey',
          message: `provisioner 'bad provisioner' has a name part that must consist of alphanumeric characters, '-', '_' or '.', and start and end with an alphanumeric character; ${refuses('StorageClass', 'fast')}`,
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 29,
        },
        { messageId: 'forbidden', message: `reclaimPolicy 'Recycle' must be Delete or Retain; ${refuses('StorageClass', 'fast')}`, line: 6, column: 1, endLine: 6, endColumn: 23 },
      ],
    },
    {
      code: dbDeployment('          ports: [{containerPort: 8080, hostPort: 80}]\n          env: [{name: A, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]\n')
        .replace('    spec:\n      containers:', '    spec:\n      hostNetwork: true\n      restartPolicy: Never\n      activeDeadlineSeconds: 5\n      containers:'),
      errors: [
        {
          messageId: 'forbidden',
          message: `restartPolicy 'Never' is not allowed in a Deployment's pod template: only Always is; ${refuses('Deployment')}`,
          line: 15,
          column: 7,
          endLine: 15,
          endColumn: 27,
        },
        {
          messageId: 'forbidden',
          message: `activeDeadlineSeconds is not supported in a Deployment's pod template; ${refuses('Deployment')}`,
          line: 16,
          column: 7,
          endLine: 16,
          endColumn: 31,
        },
        {
          messageId: 'forbidden',
          message: `hostPort 80 must match containerPort 8080 when hostNetwork is true; ${refuses('Deployment')}`,
          line: 20,
          column: 41,
          endLine: 20,
          endColumn: 53,
        },
        { messageId: 'forbidden', message: `valueFrom may not be set when value is not empty; ${refuses('Deployment')}`, line: 21, column: 37, endLine: 21, endColumn: 46 },
      ],
    },
    {
      code: db('  volumeClaimTemplates:\n    - metadata: {name: Data}\n      spec:\n        accessModes: [ReadWriteOnce]\n        resources: {requests: {storage: 1GB}}\n'),
      lintOptions: v130,
      errors: [
        {
          messageId: 'invalidListedName',
          message: `claim template (a pod volume) name 'Data' must consist of lower case alphanumeric characters or '-', and start and end with an alphanumeric character; ${PODS_REFUSED}`,
          line: 19,
          column: 18,
          endLine: 19,
          endColumn: 28,
        },
        { messageId: 'invalidQuantity', message: notAQuantity('1GB'), line: 22, column: 32, endLine: 22, endColumn: 44 },
      ],
    },
    {
      code: dbDeployment('          ports: [{containerPort: 80}, {containerPort: 0x50}]\n'),
      errors: [
        {
          messageId: 'duplicatePort',
          message: 'port 80/TCP is declared twice in the pod (also at spec.template.spec.containers[0].ports[0]); the API server accepts it with a warning (duplicate port definition), and a tool that reads the ports gets two',
          line: 17,
          column: 41,
          endLine: 17,
          endColumn: 60,
          severity: 'warning',
        },
      ],
    },
  ],
});

describe('validators of src/k8s/validation.ts', () => {
  it('follow the API server on names', () => {
    expect(dnsLabelProblem('a'.repeat(63))).toBeUndefined();
    expect(dnsLabelProblem('a'.repeat(64))).toBe('must be no more than 63 characters (it has 64)');
    expect(dnsLabelProblem('a.b')).toBe('must not contain dots');
    expect(dnsLabelProblem('A')).toMatch(/^must consist of lower case/);
    expect(dns1035LabelProblem('1a')).toMatch(/start with a letter/);
    expect(pathSegmentProblem('My_PDB')).toBeUndefined();
    expect(pathSegmentProblem('..')).toBe("may not be '..'");
    expect(pathSegmentProblem('a/b')).toBe("may not contain '/' or '%'");
  });

  it('follow the API server on label keys and values', () => {
    expect(qualifiedNameProblem('example.com/Name_1.x')).toBeUndefined();
    expect(qualifiedNameProblem('a/b/c')).toMatch(/at most one '\/'/);
    expect(qualifiedNameProblem('/a')).toMatch(/empty prefix/);
    expect(qualifiedNameProblem('Example.com/a')).toMatch(/prefix 'Example.com'/);
    expect(qualifiedNameProblem(`x/${'a'.repeat(64)}`)).toMatch(/name part of 64 characters/);
    expect(labelValueProblem('')).toBeUndefined();
    expect(labelValueProblem('a'.repeat(64))).toBe('must be no more than 63 characters (it has 64)');
    expect(labelValueProblem('-a')).toMatch(/start and end with an alphanumeric/);
  });

  it('follow the API server on port names, environment variable names, quantities and percentages', () => {
    expect(portNameProblem('http-alt')).toBeUndefined();
    expect(portNameProblem('8080')).toBe('must contain at least one letter (a-z)');
    expect(portNameProblem('a--b')).toBe('must not contain consecutive hyphens');
    expect(portNameProblem('-a')).toBe('must not begin or end with a hyphen');
    expect(envVarNameProblem('MY_VAR.1', false)).toBeUndefined();
    expect(envVarNameProblem('..a', false)).toBe("must not start with '..'");
    expect(envVarNameProblem('1A', true)).toBeUndefined();
    expect(envVarNameProblem('é', true)).toMatch(/printable ASCII/);
    expect(quantityProblem('1.5Gi')).toBeUndefined();
    expect(quantityProblem(2)).toBeUndefined();
    expect(quantityProblem('1GB')).toMatch(/^is not a quantity/);
    expect(percentOf('50%')).toBe(50);
    expect(percentOf('50 %')).toBeUndefined();
    expect(percentOf('-5%')).toBeUndefined();
    expect(['10.96.0.10', '010.96.0.1', '::1', 'fd00::10', '::ffff:10.0.0.1'].filter((ip) => !isIpAddress(ip))).toEqual([]);
    expect(['10.96.0.256', 'none', '10.96.0', '1:2::3::4', 'fd00::g'].filter(isIpAddress)).toEqual([]);
  });
});
