/**
 * Recruiter search at scale (issue 6, point 10): 100,000 generated candidate profiles (fixed seed,
 * profiles-search-data.ts) in a throw-away database of the profiles subgraph's schema, then the latency of
 * three representative searches through the search port's PostgreSQL adapter — and end to end through the
 * subgraph's GraphQL API — with the plan PostgreSQL chose for each (EXPLAIN ANALYZE). Writes its section
 * of docs/benchmarks.md unless `--no-write`.
 *
 *   npm run bench:profiles-search [-- --profiles 100000 --rounds 200 --no-write --keep-database]
 *
 * Uses the server of DATABASE_URL, or a throw-away embedded PostgreSQL 18 when it is unset.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { generateSigningKey, localKeySource, signAccessToken, toJwks } from '@talentgraph/auth';
import { findFreePort, startLocalPostgres } from '@talentgraph/local-postgres';
import {
  applyMigrations,
  createLogger,
  createOrm,
  databaseEntities,
  ensureDatabaseExists,
  readConfig,
  startSubgraph,
  type MikroORM,
} from '@talentgraph/platform';
import { settings as profilesSettings } from '../../subgraphs/profiles/src/config.ts';
import { PostgresProfileSearchIndex } from '../../subgraphs/profiles/src/search/postgres-search-index.ts';
import {
  countStatement,
  countedWithPage,
  pageStatement,
} from '../../subgraphs/profiles/src/search/postgres-search-sql.ts';
import {
  NO_SEARCH_FILTERS,
  type SearchRequest,
} from '../../subgraphs/profiles/src/search/profile-search-index.ts';
import { searchDocumentOf } from '../../subgraphs/profiles/src/search/search-document.ts';
import { taxonomySkillNames } from '../../subgraphs/profiles/src/search/skill-names.ts';
import { profilesSubgraph } from '../../subgraphs/profiles/src/subgraph.ts';
import { percentile } from './load.ts';
import { replaceSection } from './markdown-section.ts';
import { CITIES, generateCandidates } from './profiles-search-data.ts';
import { seededRandom } from './seeded-random.ts';

const BENCHMARKS_FILE = fileURLToPath(new URL('../../docs/benchmarks.md', import.meta.url));
const { values: options } = parseArgs({
  options: {
    profiles: { type: 'string', default: '100000' },
    rounds: { type: 'string', default: '200' },
    'no-write': { type: 'boolean', default: false },
    /** Leaves the database in place (its name is printed), to study plans by hand. */
    'keep-database': { type: 'boolean', default: false },
  },
});
const PROFILES = Number(options.profiles);
const ROUNDS = Number(options.rounds);
const WARM_UP = 20;
const SEED = 20_261_206;
const SEARCHING_ORGANIZATION = '0f000000-0000-4000-8000-000000000001';

const log = (message: string) => console.log(`[bench:profiles-search] ${message}`);
const loadBefore = loadavg()[0]!;

// ---------------------------------------------------------------------------------------------------------
// The database: a fresh one with the profiles subgraph's migrations.

const configured = process.env['DATABASE_URL'];
const local = configured
  ? undefined
  : await startLocalPostgres({
      dataDirectory: join(mkdtempSync(join(tmpdir(), 'talentgraph-bench-search-')), 'data'),
      port: await findFreePort(),
      persistent: false,
    });
const server = new URL(configured ?? local!.url);
const databaseUrl = new URL(server);
databaseUrl.pathname = `/bench_profiles_search_${randomBytes(4).toString('hex')}`;
const eventsUrl = new URL(server);
eventsUrl.pathname = `${databaseUrl.pathname}_events`;

async function onServer(sql: string): Promise<void> {
  const maintenance = new URL(server);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

let orm: MikroORM | undefined;
try {
  await ensureDatabaseExists(databaseUrl.toString());
  orm = await createOrm({
    databaseUrl: databaseUrl.toString(),
    entities: databaseEntities(profilesSubgraph),
    migrations: profilesSubgraph.migrations,
    poolMax: 4,
  });
  await applyMigrations(orm);
  const serverVersion = (
    await orm.em.getConnection().execute<{ server_version: string }[]>('show server_version')
  )[0]!.server_version;

  // -------------------------------------------------------------------------------------------------------
  // The data: generated states, their documents through the real builder, inserted in batches.

  const now = new Date();
  const generateStart = performance.now();
  const states = generateCandidates(PROFILES, SEED, now);
  const nextHitId = seededRandom(SEED + 1);
  const hex = (length: number) =>
    Array.from({ length }, () => Math.floor(nextHitId() * 16).toString(16)).join('');
  const documents = states.map((state, position) =>
    searchDocumentOf(state, {
      hitId: `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`,
      // A profile changed every minute or so over the last 100 days.
      updatedAt: new Date(now.getTime() - position * 86_400),
      skillNames: taxonomySkillNames,
    }),
  );
  const generateMs = performance.now() - generateStart;
  log(`${PROFILES} profiles generated in ${(generateMs / 1000).toFixed(1)} s`);

  const insertStart = performance.now();
  const connection = orm.em.getConnection();
  for (let start = 0; start < states.length; start += 2_000) {
    const batch = states.slice(start, start + 2_000).map((state) => ({
      id: state.id,
      user_id: state.userId,
      headline: state.headline,
      city: state.location!.city,
      country_code: state.location!.countryCode,
      years: state.yearsOfExperience,
      hidden: state.preferences.hiddenFromOrganizationIds,
    }));
    await connection.execute(
      `insert into profiles (id, user_id, kind, status, headline, city, country_code, years_of_experience,
         hidden_from_organization_ids, submitted_at, created_at, updated_at)
       select id, user_id, 'CANDIDATE', 'VALIDATED', headline, city, country_code, years, hidden, now(), now(), now()
       from jsonb_to_recordset(?::jsonb) as p(id uuid, user_id uuid, headline text, city text, country_code text,
         years int, hidden text[])`,
      [JSON.stringify(batch)],
    );
  }
  const profilesMs = performance.now() - insertStart;
  const index = new PostgresProfileSearchIndex(orm.em.fork());
  const documentsStart = performance.now();
  for (let start = 0; start < documents.length; start += 5_000) {
    await index.indexMany(documents.slice(start, start + 5_000));
    if ((start / 5_000) % 4 === 0) log(`${start + 5_000} documents indexed`);
  }
  const documentsMs = performance.now() - documentsStart;
  await connection.execute('vacuum analyze profiles');
  await connection.execute('vacuum analyze profile_search_documents');
  const [size] = await connection.execute<{ table_size: string; index_size: string }[]>(
    `select pg_size_pretty(pg_table_size('profile_search_documents')) as table_size,
            pg_size_pretty(pg_indexes_size('profile_search_documents')) as index_size`,
  );
  log(
    `profiles inserted in ${(profilesMs / 1000).toFixed(1)} s, documents in ${(documentsMs / 1000).toFixed(1)} s`,
  );

  // -------------------------------------------------------------------------------------------------------
  // The searches: three mixes, each drawn with varying parameters from a fixed seed.

  const next = seededRandom(SEED + 2);
  const pick = <Item>(items: readonly Item[]): Item => items[Math.floor(next() * items.length)]!;
  const base: Omit<SearchRequest, 'text' | 'filters' | 'sort'> = {
    organizationId: SEARCHING_ORGANIZATION,
    offset: 0,
    limit: 20,
  };
  const bigCities = CITIES.filter((city) =>
    ['Lyon', 'Paris', 'Toulouse', 'Bordeaux', 'Lille', 'Nantes'].includes(city.name),
  );
  const day = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);

  interface Mix {
    readonly name: string;
    readonly description: string;
    readonly make: () => SearchRequest;
    /** The GraphQL variables of the same search. */
    readonly variables: (request: SearchRequest) => Record<string, unknown>;
  }
  const textSearches = [
    { text: 'react typescript', skillIds: ['react'] },
    { text: 'python machine learning', skillIds: ['python'] },
    { text: 'kubernetes terraform', skillIds: ['docker'] },
    { text: 'développeur react', skillIds: ['javascript'] },
    { text: 'java spring', skillIds: ['sql'] },
    { text: 'data engineer', skillIds: ['python'] },
  ];
  const mixes: readonly Mix[] = [
    {
      name: 'a',
      description: 'words ("react typescript", "python machine learning", …) + a skill, by relevance',
      make: () => {
        const { text, skillIds } = pick(textSearches);
        return { ...base, text, sort: 'RELEVANCE', filters: { ...NO_SEARCH_FILTERS, skillIds } };
      },
      variables: (request) => ({
        query: request.text,
        filters: { skillIds: request.filters.skillIds },
        sort: 'RELEVANCE',
      }),
    },
    {
      name: 'b',
      description:
        'a skill + at least 5 years + 50 km around Lyon (or Paris, Toulouse, …) + English B2 or better',
      make: () => {
        const city = pick(bigCities);
        return {
          ...base,
          text: null,
          sort: 'RELEVANCE',
          filters: {
            ...NO_SEARCH_FILTERS,
            skillIds: [pick(['python', 'react', 'java', 'kubernetes', 'sql', 'typescript'])],
            minYearsOfExperience: 5,
            near: { latitude: city.latitude, longitude: city.longitude, radiusKm: 50 },
            languages: [{ code: 'en', minimumLevel: 'B2' }],
          },
        };
      },
      variables: (request) => ({
        filters: {
          skillIds: request.filters.skillIds,
          minYearsOfExperience: 5,
          near: request.filters.near,
          languages: request.filters.languages,
        },
      }),
    },
    {
      name: 'c',
      description:
        'a contract type + a yearly salary budget (EUR) + available within 30–90 days, most recent first',
      make: () => {
        const minimum = 35_000 + Math.floor(next() * 5) * 5_000;
        return {
          ...base,
          text: null,
          sort: 'MOST_RECENT',
          filters: {
            ...NO_SEARCH_FILTERS,
            contractTypes: [pick(['PERMANENT', 'PERMANENT', 'FREELANCE'] as const)],
            salary: { currency: 'EUR', minimum, maximum: minimum + 15_000 },
            availableBy: day(30 + Math.floor(next() * 60)),
          },
        };
      },
      variables: (request) => ({
        filters: {
          contractTypes: request.filters.contractTypes,
          salary: { ...request.filters.salary, period: 'YEAR' },
          availableBy: request.filters.availableBy,
        },
        sort: 'MOST_RECENT',
      }),
    },
  ];

  interface Figures {
    readonly p50: number;
    readonly p95: number;
    readonly p99: number;
    readonly mean: number;
  }
  const figuresOf = (durations: number[]): Figures => {
    const sorted = [...durations].sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    };
  };

  const adapterResults: { mix: Mix; figures: Figures; medianTotal: number }[] = [];
  const requests = new Map<string, SearchRequest[]>();
  for (const mix of mixes) {
    const drawn = Array.from({ length: WARM_UP + ROUNDS }, () => mix.make());
    requests.set(mix.name, drawn);
    const durations: number[] = [];
    const totals: number[] = [];
    for (const [position, request] of drawn.entries()) {
      const start = performance.now();
      const results = await index.search(request);
      const elapsed = performance.now() - start;
      if (position >= WARM_UP) {
        durations.push(elapsed);
        totals.push(results.totalCount);
      }
    }
    const figures = figuresOf(durations);
    const medianTotal = percentile(
      [...totals].sort((a, b) => a - b),
      50,
    );
    adapterResults.push({ mix, figures, medianTotal });
    log(
      `mix ${mix.name}: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, ~${medianTotal} matches`,
    );
  }

  // The plans, for the first drawn search of each mix (after the warm-up, so with a warm cache).
  // A search with words counts its matches in the page's own pass (postgres-search-sql.ts).
  const plans: { mix: Mix; page: string; count: string | null }[] = [];
  for (const mix of mixes) {
    const request = requests.get(mix.name)![WARM_UP]!;
    const explain = async (statement: { sql: string; params: unknown[] }) =>
      (
        await connection.execute<{ 'QUERY PLAN': string }[]>(
          `explain (analyze, buffers, costs off, summary on) ${statement.sql}`,
          statement.params,
        )
      )
        .map((row) => row['QUERY PLAN'])
        .join('\n');
    plans.push({
      mix,
      page: await explain(pageStatement(request)),
      count: countedWithPage(request) ? null : await explain(countStatement(request)),
    });
  }

  // -------------------------------------------------------------------------------------------------------
  // End to end: the same searches through the subgraph's GraphQL API (HTTP, token check, resolvers).

  await ensureDatabaseExists(eventsUrl.toString());
  const signingKey = await generateSigningKey();
  const subgraph = await startSubgraph(
    profilesSubgraph,
    readConfig(profilesSettings, {
      DATABASE_URL: databaseUrl.toString(),
      EVENTS_DATABASE_URL: eventsUrl.toString(),
      PORT: '0',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      MIGRATE_ON_START: 'false',
      SEED_DEMO_DATA: 'false',
    }),
    { logger: createLogger('bench-profiles', 'silent'), keySource: localKeySource(toJwks([signingKey])) },
  );
  const { token } = await signAccessToken(
    signingKey,
    {
      kind: 'USER',
      userId: '0f000000-0000-4000-8000-000000000002',
      roles: ['RECRUITER'],
      memberships: [{ organizationId: SEARCHING_ORGANIZATION, role: 'RECRUITER' }],
      sessionId: 'bench',
    },
    { issuer: 'talentgraph', audience: 'talentgraph-api' },
  );
  const QUERY = `query ($query: String, $filters: ProfileSearchFilters, $sort: ProfileSearchSort) {
    searchProfiles(query: $query, filters: $filters, sort: $sort, first: 20) {
      totalCount edges { node { id score highlight headline yearsOfExperience skills { skill { name } level }
        location { city countryCode } languages { code level } availableFrom contractTypes
        salaryExpectation { minimum { amount currency } period } unlocked } }
    }
  }`;
  const graphqlResults: { mix: Mix; figures: Figures }[] = [];
  try {
    for (const mix of mixes) {
      const durations: number[] = [];
      for (const [position, request] of requests.get(mix.name)!.entries()) {
        const start = performance.now();
        const response = await fetch(subgraph.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: QUERY, variables: mix.variables(request) }),
        });
        const body = (await response.json()) as { errors?: unknown };
        const elapsed = performance.now() - start;
        if (body.errors) throw new Error(`GraphQL search failed: ${JSON.stringify(body.errors)}`);
        if (position >= WARM_UP) durations.push(elapsed);
      }
      const figures = figuresOf(durations);
      graphqlResults.push({ mix, figures });
      log(
        `mix ${mix.name} through GraphQL: p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms`,
      );
    }
  } finally {
    await subgraph.stop();
  }

  // -------------------------------------------------------------------------------------------------------
  // The report.

  const ms = (value: number) => value.toFixed(1);
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const machine =
    `${now.toISOString().slice(0, 10)}, ${cpus().length} vCPU ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, ` +
    `PostgreSQL ${serverVersion} (${configured ? 'DATABASE_URL' : 'embedded'}), Node ${process.version}; ` +
    `load average ${loadBefore.toFixed(2)} before, ${loadavg()[0]!.toFixed(2)} after (the machine is shared ` +
    'with other work, which shows in the p95)';
  const indexesUsed = (plan: string) =>
    [
      ...new Set(
        [...plan.matchAll(/(?:Index (?:Only )?Scan(?: Backward)? using|Bitmap Index Scan on) (\w+)/g)].map(
          (match) => match[1]!,
        ),
      ),
    ].join(', ') || 'none (sequential scan)';
  const section = [
    `Measured ${machine}. ${PROFILES.toLocaleString('en')} validated candidate profiles generated with seed ${SEED}`,
    `(\`scripts/bench/profiles-search-data.ts\`: 12 roles with their skills plus the taxonomy's long tail, ${CITIES.length} cities`,
    'in France and Europe weighted by size, French/English and other languages at CEFR levels, years skewed to juniors,',
    'contract types by role, salaries by years and country, 20% without salary or availability), inserted as',
    `\`profiles\` rows and search documents through the adapter's batched upsert: ${ms(profilesMs / 1000)} s for the rows,`,
    `${ms(documentsMs / 1000)} s for the documents (their French and English tsvectors computed by PostgreSQL).`,
    `\`profile_search_documents\`: ${size!.table_size} of rows, ${size!.index_size} of indexes. Each mix ran ${ROUNDS} searches`,
    `(after ${WARM_UP} to warm up), one at a time, parameters drawn from a fixed seed; a search is the page (20 hits)`,
    "and its count: with words, counted in the page's own pass (ranking reads every match anyway); without, a",
    'count statement sent beside the page on a second connection.',
    '',
    '| mix | what | matches (median) | adapter p50 | adapter p95 | adapter p99 | GraphQL p50 | GraphQL p95 |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...adapterResults.map(({ mix, figures, medianTotal }) => {
      const graphql = graphqlResults.find((result) => result.mix === mix)!.figures;
      return `| ${mix.name} | ${mix.description} | ${medianTotal.toLocaleString('en')} | ${ms(figures.p50)} ms | ${ms(figures.p95)} ms | ${ms(figures.p99)} ms | ${ms(graphql.p50)} ms | ${ms(graphql.p95)} ms |`;
    }),
    '',
    'GraphQL: `searchProfiles(first: 20)` with the hit fields a result list shows, over HTTP to the profiles',
    'subgraph (token verified, arguments checked, hits resolved), from this same process.',
    '',
    'Indexes each plan used (EXPLAIN ANALYZE of the first measured search of each mix):',
    '',
    ...plans.map(({ mix, page, count }) =>
      count === null
        ? `- mix ${mix.name}: page and its count, in one pass — ${indexesUsed(page)}`
        : `- mix ${mix.name}: page — ${indexesUsed(page)}; count — ${indexesUsed(count)}`,
    ),
    '',
    ...plans.flatMap(({ mix, page, count }) => [
      `<details><summary>Plans of mix ${mix.name}</summary>`,
      '',
      '```',
      page,
      ...(count === null ? [] : ['', count]),
      '```',
      '',
      '</details>',
      '',
    ]),
  ].join('\n');
  console.log(section);
  if (!options['no-write']) {
    await replaceSection(BENCHMARKS_FILE, 'profiles-search', section);
    console.log('docs/benchmarks.md updated.');
  }
} finally {
  await orm?.close();
  await onServer(`drop database if exists "${eventsUrl.pathname.slice(1)}" with (force)`).catch(() => {});
  if (options['keep-database'] && configured) log(`database kept: ${databaseUrl.pathname.slice(1)}`);
  else await onServer(`drop database if exists "${databaseUrl.pathname.slice(1)}" with (force)`);
  await local?.stop();
}
