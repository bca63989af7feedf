/**
 * Generated candidate profiles for the recruiter-search benchmark (profiles-search.ts): deterministic
 * (a fixed seed), with distributions a recruiting platform in France and Europe would see — roles with
 * their usual skills plus a long tail of the taxonomy, cities with their coordinates and weight, French
 * and English at CEFR levels, years of experience skewed to juniors, contract types by role, salaries by
 * years and country, availability dates, a few organizations hidden from.
 */
import { allSkills } from '@talentgraph/skills';
import {
  CEFR_LEVELS,
  type CefrLevel,
  type ContractType,
} from '../../subgraphs/profiles/src/domain/profile.ts';
import {
  DEFAULT_JOB_PREFERENCES,
  type ProfileState,
} from '../../subgraphs/profiles/src/domain/profile-state.ts';
import { seededRandom } from './seeded-random.ts';

export interface City {
  readonly name: string;
  readonly countryCode: string;
  readonly latitude: number;
  readonly longitude: number;
  /** Relative share of the candidates. */
  readonly weight: number;
  readonly currency: string;
  readonly language: string;
}

export const CITIES: readonly City[] = [
  {
    name: 'Paris',
    countryCode: 'FR',
    latitude: 48.8566,
    longitude: 2.3522,
    weight: 30,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Lyon',
    countryCode: 'FR',
    latitude: 45.764,
    longitude: 4.8357,
    weight: 9,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Villeurbanne',
    countryCode: 'FR',
    latitude: 45.7719,
    longitude: 4.8902,
    weight: 1.5,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Grenoble',
    countryCode: 'FR',
    latitude: 45.1885,
    longitude: 5.7245,
    weight: 2.5,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Saint-Étienne',
    countryCode: 'FR',
    latitude: 45.4397,
    longitude: 4.3872,
    weight: 1,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Marseille',
    countryCode: 'FR',
    latitude: 43.2965,
    longitude: 5.3698,
    weight: 4,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Toulouse',
    countryCode: 'FR',
    latitude: 43.6047,
    longitude: 1.4442,
    weight: 5,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Nantes',
    countryCode: 'FR',
    latitude: 47.2184,
    longitude: -1.5536,
    weight: 4,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Bordeaux',
    countryCode: 'FR',
    latitude: 44.8378,
    longitude: -0.5792,
    weight: 4,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Lille',
    countryCode: 'FR',
    latitude: 50.6292,
    longitude: 3.0573,
    weight: 4,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Rennes',
    countryCode: 'FR',
    latitude: 48.1173,
    longitude: -1.6778,
    weight: 3,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Strasbourg',
    countryCode: 'FR',
    latitude: 48.5734,
    longitude: 7.7521,
    weight: 2.5,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Montpellier',
    countryCode: 'FR',
    latitude: 43.6108,
    longitude: 3.8767,
    weight: 3,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Nice',
    countryCode: 'FR',
    latitude: 43.7102,
    longitude: 7.262,
    weight: 2.5,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Sophia Antipolis',
    countryCode: 'FR',
    latitude: 43.6163,
    longitude: 7.0552,
    weight: 1,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Brussels',
    countryCode: 'BE',
    latitude: 50.8503,
    longitude: 4.3517,
    weight: 2.5,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Geneva',
    countryCode: 'CH',
    latitude: 46.2044,
    longitude: 6.1432,
    weight: 1.5,
    currency: 'CHF',
    language: 'fr',
  },
  {
    name: 'Luxembourg',
    countryCode: 'LU',
    latitude: 49.6116,
    longitude: 6.1319,
    weight: 1,
    currency: 'EUR',
    language: 'fr',
  },
  {
    name: 'Berlin',
    countryCode: 'DE',
    latitude: 52.52,
    longitude: 13.405,
    weight: 3,
    currency: 'EUR',
    language: 'de',
  },
  {
    name: 'Munich',
    countryCode: 'DE',
    latitude: 48.1351,
    longitude: 11.582,
    weight: 1.5,
    currency: 'EUR',
    language: 'de',
  },
  {
    name: 'Amsterdam',
    countryCode: 'NL',
    latitude: 52.3676,
    longitude: 4.9041,
    weight: 2,
    currency: 'EUR',
    language: 'nl',
  },
  {
    name: 'Barcelona',
    countryCode: 'ES',
    latitude: 41.3874,
    longitude: 2.1686,
    weight: 2,
    currency: 'EUR',
    language: 'es',
  },
  {
    name: 'Madrid',
    countryCode: 'ES',
    latitude: 40.4168,
    longitude: -3.7038,
    weight: 1.5,
    currency: 'EUR',
    language: 'es',
  },
  {
    name: 'Milan',
    countryCode: 'IT',
    latitude: 45.4642,
    longitude: 9.19,
    weight: 1.5,
    currency: 'EUR',
    language: 'it',
  },
  {
    name: 'Lisbon',
    countryCode: 'PT',
    latitude: 38.7223,
    longitude: -9.1393,
    weight: 1.5,
    currency: 'EUR',
    language: 'pt',
  },
  {
    name: 'London',
    countryCode: 'GB',
    latitude: 51.5074,
    longitude: -0.1278,
    weight: 3,
    currency: 'GBP',
    language: 'en',
  },
  {
    name: 'Dublin',
    countryCode: 'IE',
    latitude: 53.3498,
    longitude: -6.2603,
    weight: 1,
    currency: 'EUR',
    language: 'en',
  },
];

interface Role {
  readonly weight: number;
  readonly titles: readonly string[];
  readonly core: readonly string[];
  readonly optional: readonly string[];
  readonly freelanceShare: number;
}

/** Roles and their skills (ids of the taxonomy): what candidates of a tech-heavy platform are. */
const ROLES: readonly Role[] = [
  {
    weight: 16,
    titles: [
      'Front-end developer',
      'Développeur front-end',
      'React developer',
      'Développeuse React',
      'UI engineer',
    ],
    core: ['javascript', 'react', 'typescript', 'html', 'css'],
    optional: ['nextjs', 'vue', 'angular', 'graphql', 'jest', 'cypress', 'playwright', 'figma', 'nodejs'],
    freelanceShare: 0.2,
  },
  {
    weight: 14,
    titles: [
      'Back-end developer',
      'Développeur back-end',
      'Java developer',
      'Python developer',
      'Ingénieur logiciel',
    ],
    core: ['sql', 'git', 'rest-api'],
    optional: [
      'java',
      'spring-boot',
      'python',
      'django',
      'fastapi',
      'go',
      'kotlin',
      'postgresql',
      'mysql',
      'redis',
      'kafka',
      'docker',
      'microservices',
      'php',
      'symfony',
      'csharp',
      'dotnet',
      'nodejs',
    ],
    freelanceShare: 0.15,
  },
  {
    weight: 12,
    titles: [
      'Full-stack developer',
      'Développeur full-stack',
      'Full-stack TypeScript engineer',
      'Software engineer',
    ],
    core: ['typescript', 'react', 'nodejs', 'sql'],
    optional: ['graphql', 'postgresql', 'mongodb', 'docker', 'aws', 'nextjs', 'vue', 'redis', 'jest'],
    freelanceShare: 0.25,
  },
  {
    weight: 10,
    titles: ['Data engineer', 'Ingénieur data', 'Analytics engineer', 'Big data developer'],
    core: ['python', 'sql'],
    optional: [
      'apache-spark',
      'kafka',
      'airflow',
      'dbt',
      'snowflake',
      'bigquery',
      'hadoop',
      'scala',
      'aws',
      'gcp',
      'pandas',
      'docker',
    ],
    freelanceShare: 0.2,
  },
  {
    weight: 8,
    titles: [
      'Data scientist',
      'Data scientist senior',
      'Machine learning engineer',
      'Ingénieure en apprentissage automatique',
    ],
    core: ['python', 'machine-learning', 'statistics'],
    optional: [
      'pandas',
      'numpy',
      'pytorch',
      'tensorflow',
      'deep-learning',
      'computer-vision',
      'r',
      'sql',
      'data-analysis',
    ],
    freelanceShare: 0.1,
  },
  {
    weight: 9,
    titles: [
      'DevOps engineer',
      'Ingénieur DevOps',
      'Cloud engineer',
      'Platform engineer',
      'Site reliability engineer',
    ],
    core: ['linux', 'docker', 'ci-cd'],
    optional: [
      'kubernetes',
      'terraform',
      'aws',
      'azure',
      'gcp',
      'ansible',
      'prometheus',
      'grafana',
      'jenkins',
      'github-actions',
      'gitlab-ci',
      'python',
      'go',
    ],
    freelanceShare: 0.35,
  },
  {
    weight: 6,
    titles: ['Mobile developer', 'Développeur iOS', 'Android developer', 'Flutter developer'],
    core: ['git'],
    optional: ['swift', 'ios', 'android', 'kotlin', 'flutter', 'react-native', 'typescript'],
    freelanceShare: 0.25,
  },
  {
    weight: 5,
    titles: ['Product designer', 'UX designer', 'UI/UX designer', 'Designer produit'],
    core: ['figma', 'ux-design'],
    optional: ['ui-design', 'user-research', 'html', 'css'],
    freelanceShare: 0.3,
  },
  {
    weight: 5,
    titles: ['QA engineer', 'Test automation engineer', 'Ingénieur qualité logicielle'],
    core: ['selenium'],
    optional: ['cypress', 'playwright', 'jest', 'java', 'python', 'ci-cd', 'jira'],
    freelanceShare: 0.2,
  },
  {
    weight: 5,
    titles: ['Product manager', 'Chef de produit', 'Product owner', 'Project manager'],
    core: ['product-management', 'agile'],
    optional: ['scrum', 'jira', 'project-management', 'data-analysis', 'excel', 'user-research'],
    freelanceShare: 0.15,
  },
  {
    weight: 5,
    titles: ['Embedded software engineer', 'Ingénieur logiciel embarqué', 'Robotics engineer'],
    core: ['c', 'cpp'],
    optional: ['embedded-systems', 'ros', 'python', 'linux', 'matlab', 'rust'],
    freelanceShare: 0.1,
  },
  {
    weight: 5,
    titles: ['Security engineer', 'Ingénieur cybersécurité', 'Pentester'],
    core: ['cybersecurity'],
    optional: ['penetration-testing', 'linux', 'python', 'aws', 'kubernetes', 'go'],
    freelanceShare: 0.3,
  },
];

/** Words for seniority, the same in English and French job titles. */
const SENIORITY = [
  { maxYears: 1, label: 'Junior' },
  { maxYears: 5, label: '' },
  { maxYears: 10, label: 'Senior' },
  { maxYears: 60, label: 'Lead' },
];

const SENTENCES = [
  'I build reliable products with small teams and care about code quality.',
  'J’aime concevoir des architectures simples et les faire évoluer avec le produit.',
  'Experienced with agile delivery, code reviews and continuous integration.',
  'Habitué aux environnements exigeants : e-commerce, banque, industrie.',
  'Looking for a product company with a strong engineering culture.',
  'Je recherche une équipe qui valorise les tests et le partage de connaissances.',
  'I mentor juniors and like writing clear documentation.',
  'Passionnée par la performance et l’observabilité des systèmes.',
];

function pickWeighted<Item extends { readonly weight: number }>(
  items: readonly Item[],
  next: () => number,
): Item {
  const total = items.reduce((sum, item) => sum + item.weight, 0);
  let target = next() * total;
  for (const item of items) {
    target -= item.weight;
    if (target <= 0) return item;
  }
  return items.at(-1)!;
}

const pick = <Item>(items: readonly Item[], next: () => number): Item =>
  items[Math.floor(next() * items.length)]!;

function cefr(minimum: number, maximum: number, next: () => number): CefrLevel {
  return CEFR_LEVELS[minimum + Math.floor(next() * (maximum - minimum + 1))]!;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function uuidFrom(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Organizations candidates hide their profile from (their employer, say): 2% of candidates hide from one. */
export const HIDING_ORGANIZATIONS = Array.from(
  { length: 50 },
  (_, index) => `0e000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
);

/** A validated, discoverable candidate with everything search reads; `now` anchors the dates. */
export function generateCandidates(count: number, seed: number, now: Date): ProfileState[] {
  const next = seededRandom(seed);
  const tail = allSkills().filter((skill) => skill.source === 'curated');
  const states: ProfileState[] = [];
  for (let index = 0; index < count; index += 1) {
    const role = pickWeighted(ROLES, next);
    const city = pickWeighted(CITIES, next);
    // Years: many juniors, a long tail of seniors (an exponential of mean 7, capped).
    const years = Math.min(40, Math.floor(-Math.log(1 - next()) * 7));
    const seniority = SENIORITY.find((level) => years <= level.maxYears)!;
    const title = pick(role.titles, next);
    const headline = [seniority.label, title].filter(Boolean).join(' ');
    const skillIds = new Set<string>(role.core);
    for (const id of role.optional) if (next() < 0.35) skillIds.add(id);
    const extras = Math.floor(next() * 4);
    for (let extra = 0; extra < extras; extra += 1) skillIds.add(pick(tail, next).id);
    const skills = [...skillIds].slice(0, 20).map((skillId, position) => ({
      skillId,
      name: tail.find((skill) => skill.id === skillId)?.label.en ?? skillId,
      level: (['BEGINNER', 'INTERMEDIATE', 'ADVANCED', 'EXPERT'] as const)[
        Math.min(3, Math.floor(years / 4) + (position < 2 ? 1 : 0))
      ]!,
      yearsOfExperience: Math.max(0, Math.min(years, Math.floor(next() * (years + 1)))),
    }));
    const languages: { code: string; level: CefrLevel }[] = [{ code: city.language, level: 'C2' }];
    if (city.language !== 'en') languages.push({ code: 'en', level: cefr(1, 5, next) });
    if (city.language !== 'fr' && next() < 0.25) languages.push({ code: 'fr', level: cefr(0, 4, next) });
    if (next() < 0.15) languages.push({ code: pick(['de', 'es', 'it'], next), level: cefr(0, 3, next) });
    const uniqueLanguages = [...new Map(languages.map((language) => [language.code, language])).values()];
    const freelance = next() < role.freelanceShare && years >= 2;
    const contractTypes: ContractType[] = freelance
      ? ['FREELANCE']
      : years <= 1 && next() < 0.5
        ? [pick(['INTERNSHIP', 'APPRENTICESHIP', 'FIXED_TERM'] as const, next)]
        : next() < 0.8
          ? ['PERMANENT']
          : ['PERMANENT', 'FIXED_TERM'];
    const yearly =
      Math.round(((32_000 + years * 3_200 + next() * 15_000) * (city.currency === 'CHF' ? 1.6 : 1)) / 1_000) *
      1_000;
    const salaryExpectation =
      next() < 0.2
        ? null
        : freelance
          ? {
              minimum: Math.round((300 + years * 25 + next() * 200) / 10) * 10,
              maximum: null,
              currency: city.currency,
              period: 'DAY' as const,
            }
          : {
              minimum: yearly,
              maximum: next() < 0.6 ? yearly + 8_000 : null,
              currency: city.currency,
              period: 'YEAR' as const,
            };
    const availableFrom =
      next() < 0.2 ? null : isoDate(new Date(now.getTime() + Math.floor(next() * 180) * 86_400_000));
    const experiences = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, position) => {
      const startYearsAgo = Math.max(0, years - position * 3);
      return {
        id: uuidFrom(next),
        organizationName: `Company ${Math.floor(next() * 5_000)}`,
        title: pick(role.titles, next),
        contractType: 'PERMANENT' as const,
        city: city.name,
        countryCode: city.countryCode,
        startDate: isoDate(new Date(now.getTime() - (startYearsAgo + 1) * 365 * 86_400_000)),
        endDate: position === 0 ? null : isoDate(new Date(now.getTime() - startYearsAgo * 300 * 86_400_000)),
        description: `${pick(SENTENCES, next)} Stack: ${skills
          .slice(0, 4)
          .map((skill) => skill.name)
          .join(', ')}.`,
        skillIds: skills.slice(0, 4).map((skill) => skill.skillId),
      };
    });
    states.push({
      id: uuidFrom(next),
      userId: uuidFrom(next),
      kind: 'CANDIDATE',
      status: 'VALIDATED',
      revision: 1 + Math.floor(next() * 20),
      headline,
      summary: `${pick(SENTENCES, next)} ${pick(SENTENCES, next)} ${skills
        .map((skill) => skill.name)
        .slice(0, 6)
        .join(', ')}.`,
      location: {
        city: city.name,
        countryCode: city.countryCode,
        // Spread over the metropolitan area (about ±8 km).
        latitude: Math.round((city.latitude + (next() - 0.5) * 0.15) * 1e6) / 1e6,
        longitude: Math.round((city.longitude + (next() - 0.5) * 0.2) * 1e6) / 1e6,
      },
      remotePreference: pick(['ONSITE', 'HYBRID', 'HYBRID', 'REMOTE'] as const, next),
      yearsOfExperience: years,
      availableFrom,
      preferences: {
        ...DEFAULT_JOB_PREFERENCES,
        desiredTitles: [pick(role.titles, next)],
        desiredContractTypes: contractTypes,
        salaryExpectation,
        jobSearchStatus: pick(['ACTIVELY_LOOKING', 'OPEN_TO_OFFERS', 'OPEN_TO_OFFERS'] as const, next),
        hiddenFromOrganizationIds: next() < 0.02 ? [pick(HIDING_ORGANIZATIONS, next)] : [],
      },
      consultant: null,
      mentor: null,
      experiences,
      education: [
        {
          id: uuidFrom(next),
          institution: `School ${Math.floor(next() * 300)}`,
          degree: null,
          fieldOfStudy: pick(
            ['Computer science', 'Informatique', 'Mathematics', 'Electrical engineering', 'Design'],
            next,
          ),
          level: pick(['BACHELOR', 'MASTER', 'MASTER', 'DOCTORATE'] as const, next),
          startDate: isoDate(new Date(now.getTime() - (years + 5) * 365 * 86_400_000)),
          endDate: isoDate(new Date(now.getTime() - (years + 1) * 365 * 86_400_000)),
          description: null,
        },
      ],
      certifications: [],
      skills,
      languages: uniqueLanguages,
    });
  }
  return states;
}
