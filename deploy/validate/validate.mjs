#!/usr/bin/env node
// Offline validation of deploy/ (no cluster, no Docker engine, no network):
//
//   node validate.mjs                          deploy/k8s and deploy/compose.yaml
//   node validate.mjs --k8s PATH... --compose FILE...   the given files or folders only
//
// Kubernetes manifests (every YAML document in the given files, *.yaml under given folders):
//   1. schema: the kubernetes-models package's validators (compiled from the Kubernetes OpenAPI
//      schema of its pinned release: types, required fields, enums, formats);
//   2. strict: no field the API does not define (the field lists come from the same package's
//      type declarations), as `kubeconform -strict` or the API server's strict field validation;
//   3. consistency: selectors match their pods, probes name declared ports, referenced Secrets
//      and ConfigMaps (and their keys) are defined in the checked files, kustomization.yaml lists
//      files that exist and every manifest beside it except the *.template.yaml ones.
// Compose files:
//   1. schema: the Compose specification's JSON schema (compose-spec, as shipped by dclint);
//   2. consistency: build contexts and Dockerfiles exist, depends_on names services, named
//      volumes are declared, required env_files exist.
//
// Prints one line per problem and a closing count; exits 1 when there are problems, 2 on bad usage.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { dirname, join, resolve, relative, basename } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));
const deployDir = resolve(here, "..");
const problems = [];
let objectCount = 0;
let fileCount = 0;

function report(file, where, message) {
  problems.push(`${relative(process.cwd(), file) || file}: ${where ? where + ": " : ""}${message}`);
}

// ---------------------------------------------------------------------------------------- args
const args = process.argv.slice(2);
const k8sPaths = [];
const composeFiles = [];
if (args.length === 0) {
  k8sPaths.push(join(deployDir, "k8s"));
  composeFiles.push(join(deployDir, "compose.yaml"));
} else {
  let target = null;
  for (const arg of args) {
    if (arg === "--k8s") target = k8sPaths;
    else if (arg === "--compose") target = composeFiles;
    else if (target) target.push(resolve(arg));
    else usage(`unexpected argument '${arg}'`);
  }
  if (k8sPaths.length + composeFiles.length === 0) usage("no files given");
}

function usage(message) {
  console.error(`validate.mjs: ${message}\nusage: node validate.mjs [--k8s PATH...] [--compose FILE...]`);
  process.exit(2);
}

function readYaml(file) {
  fileCount++;
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    report(file, "", `cannot read: ${error.message}`);
    return [];
  }
  const documents = [];
  for (const [index, document] of parseAllDocuments(text, { merge: true }).entries()) {
    if (document.errors.length > 0) {
      for (const error of document.errors) report(file, `document ${index + 1}`, `YAML: ${error.message.split("\n")[0]}`);
      continue;
    }
    const value = document.toJS({ maxAliasCount: 100 });
    if (value !== null && value !== undefined) documents.push(value);
  }
  return documents;
}

const isObject = (value) => value !== null && typeof value === "object" && !Array.isArray(value);

// ------------------------------------------------------------------------- Kubernetes shapes
// Field lists of every API type, from kubernetes-models' generated declarations:
// `export interface IContainer { "args"?: Array<string>; ... }` + `export { IContainer as IIoK8sApiCoreV1Container }`.
function loadShapes() {
  const shapes = new Map(); // IIoK8s... → Map(field → type text)
  const roots = new Map(); // "apps/v1 Deployment" → IIoK8s...
  const folders = [join(here, "node_modules", "kubernetes-models"), join(here, "node_modules", "@kubernetes-models", "apimachinery")];
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(".d.ts")) files.push(path);
    }
  };
  for (const folder of folders) {
    if (!existsSync(folder)) throw new Error(`${folder} is missing: run \`npm ci\` in ${here}`);
    walk(folder);
  }
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    const aliases = new Map();
    for (const match of text.matchAll(/export \{([^}]*)\};/g))
      for (const part of match[1].split(",")) {
        const alias = /^\s*(\w+) as (\w+)\s*$/.exec(part);
        if (alias) aliases.set(alias[1], alias[2]);
      }
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const head = /^export interface (\w+)(?: extends [^{]*)? \{$/.exec(lines[i]);
      if (!head) continue;
      const fields = new Map();
      for (i++; i < lines.length && lines[i] !== "}"; i++) {
        const field = /^ {4}"([^"]+)"\??: (.*)$/.exec(lines[i]);
        if (!field) continue;
        let type = field[2];
        if (type === "{") {
          const value = /^\s+\[key: string\]: (.*);$/.exec(lines[i + 1] ?? "");
          type = value ? `Map<${value[1]}>` : "object";
        } else type = type.replace(/;$/, "");
        fields.set(field[1], type);
      }
      const alias = aliases.get(head[1]);
      if (!alias) continue;
      shapes.set(alias, fields);
      const apiVersion = /^"(.+)"$/.exec(fields.get("apiVersion") ?? "");
      const kind = /^"(.+)"$/.exec(fields.get("kind") ?? "");
      if (apiVersion && kind) roots.set(`${apiVersion[1]} ${kind[1]}`, alias);
    }
  }
  return { shapes, roots };
}

function checkFields(value, typeText, path, shapes, complain) {
  const type = typeText.trim();
  let match;
  if ((match = /^Array<(.*)>$/.exec(type))) {
    if (Array.isArray(value)) value.forEach((item, index) => checkFields(item, match[1], `${path}[${index}]`, shapes, complain));
    return;
  }
  if ((match = /^Map<(.*)>$/.exec(type))) {
    if (isObject(value)) for (const [key, item] of Object.entries(value)) checkFields(item, match[1], `${path}.${key}`, shapes, complain);
    return;
  }
  const fields = shapes.get(type);
  // Types without fields (RawExtension, ...) are free-form; aliases of scalars (Quantity, IntOrString) are leaves.
  if (!fields || fields.size === 0 || !isObject(value)) return;
  for (const [key, item] of Object.entries(value)) {
    if (!fields.has(key)) complain(`${path ? path + "." : ""}${key}`, `unknown field "${key}" (${type.replace(/^IIoK8s(Api|ApimachineryPkgApis)?/, "")} has: ${[...fields.keys()].join(", ")})`);
    else checkFields(item, fields.get(key), `${path ? path + "." : ""}${key}`, shapes, complain);
  }
}

async function modelClass(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  const specifier = group ? `kubernetes-models/${group}/${version}` : `kubernetes-models/${version}`;
  try {
    const module = await import(specifier);
    return module[kind] ?? null;
  } catch {
    return null;
  }
}

// ----------------------------------------------------------------------------- Kubernetes run
function manifestFiles(path) {
  if (!existsSync(path)) {
    report(path, "", "does not exist");
    return [];
  }
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { recursive: true })
    .map((name) => join(path, name))
    .filter((file) => /\.ya?ml$/.test(file) && statSync(file).isFile())
    .sort();
}

async function validateKubernetes(paths) {
  const { shapes, roots } = loadShapes();
  const objects = []; // { file, where, object }
  const kustomizations = [];
  for (const file of paths.flatMap(manifestFiles)) {
    for (const [index, document] of readYaml(file).entries()) {
      const where = `document ${index + 1}`;
      if (!isObject(document)) {
        report(file, where, "expected a mapping (a Kubernetes object)");
        continue;
      }
      if (document.kind === "Kustomization" || basename(file) === "kustomization.yaml") {
        kustomizations.push({ file, document });
        continue;
      }
      objects.push({ file, where: `${where} (${document.kind ?? "?"}/${document.metadata?.name ?? "?"})`, object: document });
    }
  }

  for (const { file, where, object } of objects) {
    objectCount++;
    const complain = (path, message) => report(file, where, `${path ? path + ": " : ""}${message}`);
    if (typeof object.apiVersion !== "string" || typeof object.kind !== "string") {
      complain("", "apiVersion and kind are required strings");
      continue;
    }
    const Model = await modelClass(object.apiVersion, object.kind);
    const root = roots.get(`${object.apiVersion} ${object.kind}`);
    if (!Model || !root) {
      complain("", `unknown apiVersion/kind ${object.apiVersion} ${object.kind} (not in the Kubernetes API schema)`);
      continue;
    }
    if (!object.metadata?.name) complain("metadata.name", "required");
    try {
      new Model(object).validate();
    } catch (error) {
      for (const detail of error.errors ?? [{ instancePath: "", message: error.message }]) {
        const extra = detail.params?.allowedValues ? ` (${detail.params.allowedValues.join(", ")})` : "";
        complain(detail.instancePath.replace(/^\//, "").replaceAll("/", "."), `${detail.message}${extra}`);
      }
    }
    checkFields(object, root, "", shapes, complain);
  }

  checkConsistency(objects);
  for (const { file, document } of kustomizations) checkKustomization(file, document, objects);
}

const matches = (selector, labels) =>
  isObject(selector) && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels?.[key] === value);

function podTemplates(objects) {
  return objects
    .filter(({ object }) => ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"].includes(object.kind))
    .map((entry) => ({ ...entry, template: entry.object.spec?.template }));
}

function checkConsistency(objects) {
  const workloads = podTemplates(objects);
  const defined = (kind, name, namespace) =>
    objects.find(({ object }) => object.kind === kind && object.metadata?.name === name && (object.metadata?.namespace ?? null) === (namespace ?? null));

  for (const { file, where, object, template } of workloads) {
    const complain = (path, message) => report(file, where, `${path}: ${message}`);
    const selector = object.spec?.selector?.matchLabels;
    if (!matches(selector, template?.metadata?.labels))
      complain("spec.selector.matchLabels", "must be non-empty and match spec.template.metadata.labels");
    const namespace = object.metadata?.namespace;
    const containers = [...(template?.spec?.containers ?? []), ...(template?.spec?.initContainers ?? [])];
    for (const [index, container] of containers.entries()) {
      const at = `spec.template.spec.containers[${index}]`;
      const portNames = new Set((container.ports ?? []).map((port) => port.name).filter(Boolean));
      for (const probe of ["startupProbe", "readinessProbe", "livenessProbe"]) {
        const port = container[probe]?.tcpSocket?.port ?? container[probe]?.httpGet?.port;
        if (typeof port === "string" && !portNames.has(port)) complain(`${at}.${probe}`, `names port "${port}", which the container does not declare`);
      }
      const refs = [
        ...(container.env ?? []).flatMap((env) => [
          env.valueFrom?.secretKeyRef && { kind: "Secret", ...env.valueFrom.secretKeyRef, at: `env ${env.name}` },
          env.valueFrom?.configMapKeyRef && { kind: "ConfigMap", ...env.valueFrom.configMapKeyRef, at: `env ${env.name}` },
        ]),
        ...(container.envFrom ?? []).flatMap((source) => [
          source.secretRef && { kind: "Secret", ...source.secretRef, at: "envFrom" },
          source.configMapRef && { kind: "ConfigMap", ...source.configMapRef, at: "envFrom" },
        ]),
      ].filter(Boolean);
      for (const ref of refs) {
        const target = defined(ref.kind, ref.name, namespace);
        if (!target) {
          if (!ref.optional) complain(`${at} ${ref.at}`, `${ref.kind} "${ref.name}" is not defined in the checked manifests (templates included)`);
          continue;
        }
        const keys = new Set([...Object.keys(target.object.data ?? {}), ...Object.keys(target.object.stringData ?? {})]);
        if (ref.key && !keys.has(ref.key) && !ref.optional) complain(`${at} ${ref.at}`, `${ref.kind} "${ref.name}" has no key "${ref.key}"`);
      }
    }
  }

  for (const { file, where, object } of objects) {
    const namespace = object.metadata?.namespace;
    const sameNamespace = (entry) => (entry.object.metadata?.namespace ?? null) === (namespace ?? null);
    if (object.kind === "PodDisruptionBudget") {
      const selector = object.spec?.selector?.matchLabels;
      if (!workloads.some((workload) => sameNamespace(workload) && matches(selector, workload.template?.metadata?.labels)))
        report(file, where, "spec.selector.matchLabels: selects no pod template in the checked manifests");
    }
    if (object.kind === "Service" && object.spec?.selector) {
      const target = workloads.find((workload) => sameNamespace(workload) && matches(object.spec.selector, workload.template?.metadata?.labels));
      if (!target) report(file, where, "spec.selector: selects no pod template in the checked manifests");
      else {
        const containerPorts = (target.template.spec?.containers ?? []).flatMap((container) => container.ports ?? []);
        for (const [index, port] of (object.spec.ports ?? []).entries()) {
          const wanted = port.targetPort ?? port.port;
          const found = containerPorts.some((candidate) => candidate.name === wanted || candidate.containerPort === wanted);
          if (!found) report(file, where, `spec.ports[${index}].targetPort: ${wanted} is not a port of the selected pods`);
        }
      }
    }
  }
}

function checkKustomization(file, document, objects) {
  const dir = dirname(file);
  const complain = (path, message) => report(file, "", `${path}: ${message}`);
  const allowed = new Set(["apiVersion", "kind", "metadata", "namespace", "resources", "labels", "commonLabels", "commonAnnotations", "images", "replicas", "patches", "configMapGenerator", "secretGenerator", "generatorOptions", "namePrefix", "nameSuffix", "components"]);
  for (const key of Object.keys(document)) if (!allowed.has(key)) complain(key, "not a kustomization field this check knows");
  if (document.apiVersion !== "kustomize.config.k8s.io/v1beta1") complain("apiVersion", "expected kustomize.config.k8s.io/v1beta1");
  if (document.kind !== "Kustomization") complain("kind", "expected Kustomization");
  const resources = document.resources ?? [];
  if (!Array.isArray(resources) || resources.length === 0) complain("resources", "expected a non-empty list");
  for (const resource of resources) if (!existsSync(join(dir, resource))) complain("resources", `${resource} does not exist`);
  const listed = new Set(resources.map((resource) => resolve(dir, resource)));
  for (const name of readdirSync(dir)) {
    if (!/\.ya?ml$/.test(name) || name === basename(file) || name.endsWith(".template.yaml")) continue;
    if (!listed.has(resolve(dir, name))) complain("resources", `${name} is beside kustomization.yaml but not listed`);
  }
  const images = new Set(objects.flatMap(({ object }) => (object.spec?.template?.spec?.containers ?? []).map((container) => String(container.image).split(":")[0])));
  for (const [index, image] of (document.images ?? []).entries()) {
    if (!images.has(image.name)) complain(`images[${index}].name`, `${image.name} is the image of no container`);
  }
}

// ------------------------------------------------------------------------------------ Compose
function validateCompose(files) {
  const schemaFile = join(here, "node_modules", "dclint", "schemas", "compose.schema.json");
  if (!existsSync(schemaFile)) throw new Error(`${schemaFile} is missing: run \`npm ci\` in ${here}`);
  const ajv = new Ajv({ allErrors: true, strict: false });
  // Ajv's default dialect is draft-07, the schema's; its `$schema` spells the meta-schema's id differently.
  const { $schema, ...schema } = JSON.parse(readFileSync(schemaFile, "utf8"));
  const validate = ajv.compile(schema);
  for (const file of files) {
    const documents = readYaml(file);
    if (documents.length !== 1 || !isObject(documents[0])) {
      report(file, "", "expected one YAML document (a mapping)");
      continue;
    }
    objectCount++;
    const compose = documents[0];
    if (!validate(compose)) {
      for (const error of validate.errors) {
        const extra = error.params?.additionalProperty ? ` "${error.params.additionalProperty}"` : error.params?.allowedValues ? ` (${error.params.allowedValues.join(", ")})` : "";
        // oneOf/anyOf failures repeat their branches' errors: the branch errors say what is wrong.
        if (error.keyword === "oneOf" || error.keyword === "anyOf") continue;
        report(file, "", `${error.instancePath.replace(/^\//, "").replaceAll("/", ".") || "(root)"}: ${error.message}${extra}`);
      }
    }
    const dir = dirname(file);
    const services = isObject(compose.services) ? compose.services : {};
    const volumes = new Set(Object.keys(isObject(compose.volumes) ? compose.volumes : {}));
    for (const [name, service] of Object.entries(services)) {
      if (!isObject(service)) continue;
      const at = `services.${name}`;
      if (service.build !== undefined) {
        const build = typeof service.build === "string" ? { context: service.build } : service.build;
        const context = resolve(dir, build.context ?? ".");
        if (!existsSync(context)) report(file, "", `${at}.build.context: ${build.context} does not exist`);
        const dockerfile = resolve(context, build.dockerfile ?? "Dockerfile");
        if (!existsSync(dockerfile)) report(file, "", `${at}.build.dockerfile: ${relative(dir, dockerfile)} does not exist`);
      }
      const dependsOn = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dependency of dependsOn) if (!(dependency in services)) report(file, "", `${at}.depends_on: no service "${dependency}"`);
      for (const volume of service.volumes ?? []) {
        const source = typeof volume === "string" ? volume.split(":")[0] : volume.source;
        const named = typeof source === "string" && source.length > 0 && !/^[./~$]/.test(source) && !source.startsWith("/");
        const type = typeof volume === "string" ? (named ? "volume" : "bind") : volume.type;
        if (type === "volume" && named && !volumes.has(source)) report(file, "", `${at}.volumes: named volume "${source}" is not declared under volumes:`);
      }
      const envFiles = service.env_file === undefined ? [] : Array.isArray(service.env_file) ? service.env_file : [service.env_file];
      for (const envFile of envFiles) {
        const entry = typeof envFile === "string" ? { path: envFile, required: true } : envFile;
        if (entry.required !== false && !existsSync(resolve(dir, entry.path))) report(file, "", `${at}.env_file: ${entry.path} does not exist (mark it required: false if optional)`);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------- main
if (k8sPaths.length > 0) await validateKubernetes(k8sPaths);
if (composeFiles.length > 0) validateCompose(composeFiles);
for (const problem of problems) console.log(problem);
console.log(`deploy validation: ${fileCount} files, ${objectCount} objects, ${problems.length} problems`);
process.exit(problems.length > 0 ? 1 : 0);
