// Generate the scale inputs of issue 17: N objects in one namespace (StatefulSets, their governing Services and
// PodDisruptionBudgets, with labels that overlap between applications), into bench/out/scale-<N>/.
// Usage: node bench/generate-scale.mjs [N...]   (default: 20000 200000)
//
// Objects come in groups of three (StatefulSet, Service, PodDisruptionBudget) per application; applications are
// grouped in teams of 10 that share a `team` label, every object carries `tier` (one of 4 values) and the team's
// PodDisruptionBudgets select by `tier` with an `In` expression as well, so selectors match across applications and
// a lookup that scanned a kind per object would show up as quadratic time. 99 objects per file (33 applications, like a big chart).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OBJECTS_PER_FILE = 99; // 33 applications
const out = fileURLToPath(new URL('./out/', import.meta.url));

/** The YAML of one application: its StatefulSet, governing Service and PodDisruptionBudget. */
export function application(i) {
  const app = `app-${i}`;
  const team = `team-${Math.floor(i / 10)}`;
  const tier = `tier-${i % 4}`;
  return `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${app}
  namespace: scale
  labels: {app: ${app}, team: ${team}, tier: ${tier}}
spec:
  serviceName: ${app}
  replicas: 3
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}, team: ${team}, tier: ${tier}}
    spec:
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - labelSelector:
                matchLabels: {app: ${app}}
              topologyKey: kubernetes.io/hostname
      containers:
        - name: main
          image: registry.example.com/${team}/${app}:1.${i % 7}.0
          ports:
            - {name: http, containerPort: 8080}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
          readinessProbe:
            httpGet: {path: /ready, port: http}
          volumeMounts:
            - {name: data, mountPath: /data}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
---
apiVersion: v1
kind: Service
metadata:
  name: ${app}
  namespace: scale
  labels: {app: ${app}, team: ${team}}
spec:
  clusterIP: None
  selector: {app: ${app}, team: ${team}}
  ports:
    - {name: http, port: 8080, targetPort: http}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: ${app}
  namespace: scale
spec:
  maxUnavailable: 1
  selector:
    matchLabels: {app: ${app}}
    matchExpressions:
      - {key: team, operator: In, values: [${team}]}
      - {key: tier, operator: Exists}
`;
}

/** Write `objects` objects (rounded down to whole applications) into bench/out/scale-<objects>/; returns the directory. */
export function generateScale(objects) {
  const directory = `${out}scale-${objects}/`;
  rmSync(directory, { recursive: true, force: true });
  mkdirSync(directory, { recursive: true });
  const applications = Math.floor(objects / 3);
  const perFile = OBJECTS_PER_FILE / 3;
  for (let first = 0; first < applications; first += perFile) {
    const texts = [];
    for (let i = first; i < Math.min(first + perFile, applications); i++) texts.push(application(i));
    writeFileSync(`${directory}f${String(first / perFile).padStart(5, '0')}.yaml`, texts.join('---\n'));
  }
  return directory;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const sizes = process.argv.slice(2).map(Number);
  for (const objects of sizes.length ? sizes : [20000, 200000]) console.log(generateScale(objects));
}
