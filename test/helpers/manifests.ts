/**
 * A StatefulSet `db` (serviceName db, selector and template labels app=db, one container `db` running postgres:16
 * on line 16-17) with `container` lines appended to its container and `spec` lines appended to its spec (from line
 * 18 when `container` is empty), and `metadata` appended to its `name: db` line.
 */
export const statefulSetYaml = ({ spec = '', container = '', metadata = '', name = 'db' } = {}) => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ${name}${metadata}
spec:
  serviceName: db
  selector:
    matchLabels:
      app: db
  template:
    metadata:
      labels:
        app: db
    spec:
      containers:
        - name: db
          image: postgres:16
${container}${spec}`;
