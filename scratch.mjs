const { expandPaths } = await import('./dist/src/load/files.js');
const { readManifest } = await import('./dist/src/load/read.js');
const { loadSource } = await import('./dist/src/load/source.js');
const files = (await expandPaths(['/tmp/io-50k'])).files;
async function run(window) {
  const t = performance.now();
  const reads = []; let done = 0;
  const next = () => { if (reads.length + done < files.length) reads.push(readManifest(files[reads.length + done])); };
  for (let i = 0; i < window; i++) next();
  for (const path of files) { const r = await reads.shift(); done++; if ('text' in r) loadSource(path, r.text); next(); }
  return (performance.now() - t).toFixed(0);
}
for (const w of [1, 8, 32, 1, 8, 32]) console.log(w, await run(w));
