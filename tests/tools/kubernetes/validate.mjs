// Validates every document of the multi-document YAML files named on the command line against the
// Kubernetes API schemas of kubernetes-models (offline: no cluster, no download). Prints one line per
// document; exits 1 if any document is invalid or of a kind the models do not know.
import { readFile } from "node:fs/promises";
import { parseAllDocuments } from "yaml";

// apps/v1 -> kubernetes-models/apps/v1; the core group's v1 -> kubernetes-models/v1.
async function modelFor(apiVersion, kind) {
  const module = await import(`kubernetes-models/${apiVersion}`).catch(() => null);
  return module?.[kind] ?? null;
}

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const document of parseAllDocuments(await readFile(file, "utf8"))) {
    if (document.errors.length > 0) {
      failed = true;
      console.log(`INVALID YAML in ${file}: ${document.errors.map(e => e.message).join("; ")}`);
      continue;
    }
    const object = document.toJS();
    if (object === null) continue;
    const name = `${object.apiVersion}/${object.kind} ${object.metadata?.name} (${file})`;
    const Model = await modelFor(object.apiVersion, object.kind);
    if (!Model) {
      failed = true;
      console.log(`UNKNOWN KIND: ${name}`);
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`valid: ${name}`);
    } catch (error) {
      failed = true;
      console.log(`INVALID: ${name}`);
      console.log(JSON.stringify(error.errors ?? error.message, null, 2));
    }
  }
}
process.exit(failed ? 1 : 0);
