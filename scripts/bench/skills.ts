/**
 * Skills taxonomy speed (issue 6, point 4): how long the in-memory indexes take to build, and how long
 * one autocomplete query, one normalization and one CV's skill extraction take afterwards. Everything runs
 * in this one process, as in a subgraph. Writes its section of docs/benchmarks.md unless `--no-write`.
 *
 *   node scripts/bench/skills.ts [--rounds 20] [--no-write]
 *
 * The autocomplete queries are drawn (with a fixed seed) from the taxonomy's own labels in both languages:
 * prefixes of 1, 2–3 and 4–8 characters as someone types them, whole labels, and labels with two
 * neighbouring letters swapped (typos, which take the fuzzy path).
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  allSkills,
  findSkillsInText,
  normalizeSkill,
  searchSkills,
  type SkillLanguage,
} from '@talentgraph/skills';
import { percentile } from './load.ts';
import { replaceSection } from './markdown-section.ts';
import { seededRandom } from './seeded-random.ts';

const BENCHMARKS_FILE = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const { values: options } = parseArgs({
  options: { rounds: { type: 'string', default: '20' }, 'no-write': { type: 'boolean', default: false } },
});
const rounds = Number(options.rounds);

function duration(action: () => unknown): number {
  const start = performance.now();
  action();
  return performance.now() - start;
}

const loadBefore = loadavg()[0]!;
const loadMs = duration(() => allSkills());
const searchIndexMs = duration(() => searchSkills('a'));
const normalizeIndexMs = duration(() => normalizeSkill('kubernetes'));
const extractIndexMs = duration(() => findSkillsInText('Python'));

interface Query {
  readonly text: string;
  readonly language: SkillLanguage;
}

const next = seededRandom(42);
const skills = allSkills();

/** `count` queries made by `make` from labels of random skills, in a random language. */
function sample(count: number, make: (label: string) => string | undefined): Query[] {
  const queries: Query[] = [];
  while (queries.length < count) {
    const skill = skills[Math.floor(next() * skills.length)]!;
    const language: SkillLanguage = next() < 0.5 ? 'en' : 'fr';
    const text = make(skill.label[language]);
    if (text !== undefined && text.trim() !== '') queries.push({ text, language });
  }
  return queries;
}

function swapTwoLetters(label: string): string | undefined {
  if (label.length < 8) return undefined;
  const at = 2 + Math.floor(next() * (label.length - 4));
  return label.slice(0, at) + label[at + 1] + label[at] + label.slice(at + 2);
}

const prefix = (shortest: number, longest: number) => (label: string) =>
  label.slice(0, shortest + Math.floor(next() * (longest - shortest + 1)));

const mixes: { readonly name: string; readonly queries: readonly Query[] }[] = [
  { name: 'first letter (1 character)', queries: sample(200, prefix(1, 1)) },
  { name: 'short prefix (2–3 characters)', queries: sample(400, prefix(2, 3)) },
  { name: 'longer prefix (4–8 characters)', queries: sample(400, prefix(4, 8)) },
  { name: 'whole label', queries: sample(400, (label) => label) },
  { name: 'label with a typo (fuzzy path)', queries: sample(200, swapTwoLetters) },
];

interface Figures {
  /** Process CPU time per call: what a call costs, however busy the machine. */
  readonly cpu: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
  readonly count: number;
}

function figures({ durations, cpuMs }: Timings): Figures {
  const sorted = [...durations].sort((a, b) => a - b);
  return {
    cpu: cpuMs / sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1]!,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    count: sorted.length,
  };
}

interface Timings {
  /** Wall-clock milliseconds of each call. */
  readonly durations: readonly number[];
  /** Process CPU milliseconds of all the calls together. */
  readonly cpuMs: number;
}

/** Each input once per round, each call timed on its own. */
function timeEach<T>(inputs: readonly T[], call: (input: T) => unknown, times: number): Timings {
  const durations: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let round = 0; round < times; round += 1) {
    for (const input of inputs) durations.push(duration(() => call(input)));
  }
  const cpu = process.cpuUsage(cpuBefore);
  return { durations, cpuMs: (cpu.user + cpu.system) / 1000 };
}

const search = (query: Query) => searchSkills(query.text, { language: query.language });
// Warm-up: let the JIT compile the hot paths before measuring.
for (const { queries } of mixes) timeEach(queries, search, 1);
const searchTimings = mixes.map(({ name, queries }) => ({
  name,
  timings: timeEach(queries, search, rounds),
}));
const allSearches: Timings = {
  durations: searchTimings.flatMap(({ timings }) => timings.durations),
  cpuMs: searchTimings.reduce((sum, { timings }) => sum + timings.cpuMs, 0),
};

const normalizeInputs = [
  ...sample(300, (label) => label),
  ...sample(300, (label) => label.toUpperCase()),
  ...sample(200, swapTwoLetters),
].map((query) => query.text);
timeEach(normalizeInputs, normalizeSkill, 1);
const normalizeFigures = figures(timeEach(normalizeInputs, normalizeSkill, rounds));

const cv = [
  'Senior software engineer, 8 years. Backend services in Go and Python (Django, FastAPI), front-ends in',
  'React and TypeScript; PostgreSQL, Redis and Elasticsearch; Docker, Kubernetes, Terraform on AWS; CI/CD with',
  'GitHub Actions. Compétences : gestion de projet, méthodes agiles (Scrum, Kanban), apprentissage automatique',
  'avec scikit-learn et PyTorch, Power BI, Excel. Languages: C/C++, C#, R. Soft skills: leadership,',
  'communication, teamwork. Led a team of 6, mentored juniors, ran code reviews and on-call rotations.',
]
  .join('\n')
  .repeat(10);
timeEach([cv], findSkillsInText, 5);
const extractFigures = figures(timeEach([cv], findSkillsInText, rounds * 10));

const format = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const row = (name: string, f: Figures) =>
  `| ${name} | ${f.count.toLocaleString('en')} | ${format(f.cpu)} | ${format(f.p50)} | ${format(f.p95)} | ${format(f.p99)} | ${format(f.max)} | ${format(f.mean)} |`;
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const report = [
  `${new Date().toISOString().slice(0, 10)}, ${cpus().length} vCPU ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.versions.node}; ${skills.length.toLocaleString('en')} skills; every query set ${rounds} times in one ` +
    `process; load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after (other work shared the two ` +
    'cores, which lengthens the wall-clock times, the slowest above all; the CPU time per call does not ' +
    'depend on it):',
  '',
  '| autocomplete (`searchSkills`) | queries | CPU per call | p50 | p95 | p99 | max | mean |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ...searchTimings.map(({ name, timings }) => row(name, figures(timings))),
  row('**all of the above**', figures(allSearches)),
  '',
  '| other operations | calls | CPU per call | p50 | p95 | p99 | max | mean |',
  '| --- | --- | --- | --- | --- | --- | --- | --- |',
  row('`normalizeSkill` (labels, upper-cased labels, typos)', normalizeFigures),
  row(`\`findSkillsInText\` on a ${cv.length.toLocaleString('en')}-character CV`, extractFigures),
  '',
  `Once per process, on first use: reading and indexing the data file ${loadMs.toFixed(0)} ms, the search index ` +
    `${searchIndexMs.toFixed(0)} ms, the normalizer's index ${normalizeIndexMs.toFixed(0)} ms, the extraction index ` +
    `${extractIndexMs.toFixed(0)} ms.`,
].join('\n');

console.log(report);
if (!options['no-write']) {
  await replaceSection(BENCHMARKS_FILE, 'skills', report);
  console.log('docs/benchmarks.md updated.');
}
