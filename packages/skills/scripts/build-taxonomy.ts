/**
 * Builds packages/skills/data/taxonomy.json from the ESCO CSV files and the curated list.
 *
 *   npm run skills:build   rewrite the data file (needs the ESCO files)
 *   npm run skills:check   fail when the committed data file differs from what the sources give
 *
 * The ESCO files are read from ../shared/data/skills next to the repository, or from ESCO_SKILLS_DIR.
 * Without them the check says so and succeeds: the committed file is then the only copy of the data.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type StoredTaxonomy } from '../src/stored-taxonomy.ts';
import { CURATED_SKILLS, SHARED_NAMES } from './curated-skills.ts';
import { ESCO_FILES, escoUuid, readEscoSources } from './esco.ts';
import { TaxonomyBuildError, buildTaxonomy, serializeTaxonomy } from './taxonomy-builder.ts';

const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataFile = join(packageDir, 'data', 'taxonomy.json');
const sourceDir = resolve(
  process.env.ESCO_SKILLS_DIR ?? join(packageDir, '..', '..', '..', 'shared', 'data', 'skills'),
);
const checkOnly = process.argv.includes('--check');

const missing = ESCO_FILES.filter((name) => !existsSync(join(sourceDir, name)));
if (missing.length > 0) {
  console.log(
    `skills: the ESCO source files are not at ${sourceDir} (missing ${missing.join(', ')}); ` +
      (checkOnly
        ? 'data/taxonomy.json was NOT checked against its sources.'
        : 'set ESCO_SKILLS_DIR to the folder holding them.'),
  );
  process.exit(checkOnly ? 0 : 1);
}

let built: ReturnType<typeof buildTaxonomy>;
try {
  built = buildTaxonomy(readEscoSources(sourceDir), CURATED_SKILLS, SHARED_NAMES);
} catch (error) {
  if (!(error instanceof TaxonomyBuildError)) throw error;
  console.error(`skills: the taxonomy cannot be built:\n${error.message}`);
  process.exit(1);
}
const { taxonomy, report } = built;
const text = serializeTaxonomy(taxonomy);
const committed = existsSync(dataFile) ? readFileSync(dataFile, 'utf8') : undefined;

if (checkOnly) {
  if (committed === text) {
    console.log(`skills: data/taxonomy.json matches its sources (${taxonomy.skills.length} skills).`);
    process.exit(0);
  }
  console.error(
    `skills: data/taxonomy.json is stale (${describeChanges(committed, taxonomy)}): run npm run skills:build.`,
  );
  process.exit(1);
}

const lost = committed === undefined ? [] : lostIds(JSON.parse(committed) as StoredTaxonomy, taxonomy);
if (lost.length > 0) {
  console.error(
    `skills: these published ids would no longer resolve (ids must never change): ${lost.join(', ')}`,
  );
  process.exit(1);
}
writeFileSync(dataFile, text);
console.log(
  `skills: wrote ${taxonomy.skills.length} skills to data/taxonomy.json ` +
    `(${CURATED_SKILLS.length} curated; ${report.escoAltLabelsDropped} ESCO alternative labels left out; ` +
    `${report.ambiguousAliasesDropped.length} names shared by several ESCO concepts dropped; ` +
    `${report.escoLabelsShared.length} labels ESCO gives to two concepts: ${report.escoLabelsShared.join(' | ') || 'none'}).`,
);

/** Ids of the previous file that resolve to nothing now: neither kept, nor an ESCO concept a curated skill took over. */
function lostIds(previous: StoredTaxonomy, next: StoredTaxonomy): string[] {
  const resolvable = new Set(next.skills.map((skill) => skill.id));
  for (const skill of next.skills)
    if (skill.esco !== undefined) resolvable.add(`esco:${escoUuid(skill.esco)}`);
  return previous.skills.map((skill) => skill.id).filter((id) => !resolvable.has(id));
}

function describeChanges(previousText: string | undefined, next: StoredTaxonomy): string {
  if (previousText === undefined) return 'the file is missing';
  const previous = new Map(
    (JSON.parse(previousText) as StoredTaxonomy).skills.map((skill) => [skill.id, JSON.stringify(skill)]),
  );
  const current = new Map(next.skills.map((skill) => [skill.id, JSON.stringify(skill)]));
  const added = [...current.keys()].filter((id) => !previous.has(id));
  const removed = [...previous.keys()].filter((id) => !current.has(id));
  const changed = [...current.keys()].filter(
    (id) => previous.has(id) && previous.get(id) !== current.get(id),
  );
  const sample = (ids: string[]) => ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
  return (
    [
      added.length > 0 ? `${added.length} added: ${sample(added)}` : '',
      removed.length > 0 ? `${removed.length} removed: ${sample(removed)}` : '',
      changed.length > 0 ? `${changed.length} changed: ${sample(changed)}` : '',
    ]
      .filter((part) => part !== '')
      .join('; ') || 'formatting differs'
  );
}
