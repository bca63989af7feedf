import { type SkillCategoryId } from '../src/categories.ts';
import { type EscoConcept, type EscoSources } from './esco.ts';

/**
 * Where an ESCO concept goes in our categories. ESCO places concepts under broader concepts ("Haskell" →
 * "computer programming") and skill groups ("S5.1.0 programming computer systems", ISCED-F field "0613
 * software and applications development"); neither matches the categories recruiters browse, so three
 * rules are tried in order:
 *   1. the nearest broader concept named in BROADER_CONCEPT_CATEGORIES (the most precise signal);
 *   2. words of the English label (LABEL_RULES), which split ESCO's wide groups ("database and network
 *      design and administration") into databases, networks, security…;
 *   3. the ESCO skill groups the concept falls under (GROUP_RULES, first matching prefix);
 *   4. general label words ("software", "programming": GENERAL_LABEL_RULES).
 * Whatever is left is a transversal skill (soft-skills) or a trade-specific one (sector-specific).
 */
export function escoCategorizer(sources: EscoSources): (concept: EscoConcept) => SkillCategoryId {
  const byUri = new Map(sources.concepts.map((candidate) => [candidate.uri, candidate]));
  return (concept) =>
    broaderConceptCategory(concept, byUri) ??
    labelCategory(concept.en.label, LABEL_RULES) ??
    groupCategory(concept, byUri, sources) ??
    labelCategory(concept.en.label, GENERAL_LABEL_RULES) ??
    (concept.reuseLevel === 'transversal' ? 'soft-skills' : 'sector-specific');
}

const BROADER_CONCEPT_CATEGORIES: Readonly<Record<string, SkillCategoryId>> = {
  'computer programming': 'programming-languages',
  'statistical analysis system software': 'data-ai',
  'style sheet languages': 'web-frontend',
  'web programming': 'web-backend',
  WebCMS: 'web-backend',
  'mobile operating systems': 'mobile',
  'database management systems': 'databases',
  'query languages': 'databases',
  'resource description framework query language': 'databases',
  database: 'databases',
  'use databases': 'databases',
  'manage database': 'databases',
  'maintain database': 'databases',
  'cloud technologies': 'cloud',
  'tools for software configuration management': 'devops',
  'data extraction, transformation and loading tools': 'data-ai',
  'principles of artificial intelligence': 'data-ai',
  'perform data analysis': 'data-ai',
  'analyse big data': 'data-ai',
  'use data processing techniques': 'data-ai',
  'software frameworks': 'software-engineering',
  'digital game creation systems': 'software-engineering',
  'service-oriented modelling': 'software-engineering',
  'plan software testing': 'testing-quality',
  'execute software tests': 'testing-quality',
  'manage system testing': 'testing-quality',
  'develop automated software tests': 'testing-quality',
  'penetration testing tool': 'security',
  'implement ICT risk management': 'security',
  'apply digital security measures': 'security',
  'safeguard online privacy and identity': 'security',
  'protect personal data and privacy': 'security',
  'manage system security': 'security',
  'identify ICT security risks': 'security',
  'graphics editor software': 'design',
  'ICT project management methodologies': 'methods-management',
  'integrated development environment software': 'software-tools',
  'learning management systems': 'software-tools',
  'optical character recognition software': 'software-tools',
  'create digital content': 'software-tools',
  'CAD software': 'engineering-industry',
  'use CAD software': 'engineering-industry',
  'use technical drawing software': 'engineering-industry',
};

const LABEL_RULES: readonly (readonly [RegExp, SkillCategoryId])[] = [
  [/\bcloud\b/i, 'cloud'],
  [/\b(cyber|security|penetration|intrusion|encryption|firewall|malware|anti-?virus|forensic)/i, 'security'],
  [/\b(databases?|sql|data ?warehous)/i, 'databases'],
  [
    /(machine learning|artificial intelligence|neural network|data mining|big data|data analy|analytics|statistic|computer vision|natural language|speech recognition|data science)/i,
    'data-ai',
  ],
  [
    /\b(software|ict) (tests?|testing)\b|\btest(ing)? (automation|suite)|\b(unit|integration) testing/i,
    'testing-quality',
  ],
  [/(project management|\bagile\b|\bscrum\b|\bkanban\b)/i, 'methods-management'],
  [/\b(network|networks|networking|router|routing|tcp|wireless|vpn)\b/i, 'systems-networks'],
  [
    /\b(ux|user experience|user interface|usability|graphic design|visual design|web design|interaction design)\b/i,
    'design',
  ],
  [/\b(marketing|e-commerce|advertising|sales|search engine optimi)/i, 'business'],
  [
    /\b(troubleshoot\w*|ICT (hardware|system|infrastructure|capacity)|servers?|proxy|operating systems?|virtuali[sz]ation|backups?)\b/i,
    'systems-networks',
  ],
  [/\b(office software|spreadsheets?|word processing|presentation software|e-mail)\b/i, 'software-tools'],
  [/\bdata\b/i, 'data-ai'],
];

/** Label words too general to beat the skill groups, tried after them. */
const GENERAL_LABEL_RULES: readonly (readonly [RegExp, SkillCategoryId])[] = [
  [/\b(programming|software|coding|algorithms?)\b/i, 'software-engineering'],
];

/** ESCO skill-group codes (S…, T…) and ISCED-F field codes (digits), most specific prefix first. */
const GROUP_RULES: readonly (readonly [string, SkillCategoryId])[] = [
  ['S1.11.1', 'software-engineering'],
  ['S1.11', 'engineering-industry'],
  ['S1.12', 'design'],
  ['S1.6', 'business'],
  ['S1', 'media-communication'],
  ['S2.7.4', 'business'],
  ['S2.7.5', 'security'],
  ['S2.8', 'engineering-industry'],
  ['S2', 'data-ai'],
  ['S3.3.6', 'security'],
  ['S3', 'sector-specific'],
  ['S4.2.3', 'methods-management'],
  ['S4', 'business'],
  ['S5.1', 'software-engineering'],
  ['S5.2.2', 'security'],
  ['S5.2', 'systems-networks'],
  ['S5.5', 'data-ai'],
  ['S5.6.3', 'engineering-industry'],
  ['S5.6.4', 'design'],
  ['S5.7', 'engineering-industry'],
  ['S5', 'software-tools'],
  ['S8.6.2', 'media-communication'],
  ['S6', 'engineering-industry'],
  ['S7', 'engineering-industry'],
  ['S8', 'engineering-industry'],
  ['T1.3', 'software-tools'],
  ['T', 'soft-skills'],
  ['0613', 'software-engineering'],
  ['0612', 'systems-networks'],
  ['0611', 'software-tools'],
  ['061', 'software-engineering'],
  ['054', 'data-ai'],
  ['041', 'business'],
  ['04', 'business'],
  ['021', 'media-communication'],
  ['02', 'media-communication'],
  ['032', 'media-communication'],
  ['07', 'engineering-industry'],
];

function broaderConceptCategory(
  concept: EscoConcept,
  byUri: ReadonlyMap<string, EscoConcept>,
): SkillCategoryId | undefined {
  const seen = new Set([concept.uri]);
  let level = [concept];
  while (level.length > 0) {
    const parents = level
      .flatMap((child) => child.broader.map((uri) => byUri.get(uri)))
      .filter((parent): parent is EscoConcept => parent !== undefined && !seen.has(parent.uri));
    for (const parent of parents) {
      const category = BROADER_CONCEPT_CATEGORIES[parent.en.label];
      if (category !== undefined) return category;
      seen.add(parent.uri);
    }
    level = parents;
  }
  return undefined;
}

function labelCategory(
  label: string,
  rules: readonly (readonly [RegExp, SkillCategoryId])[],
): SkillCategoryId | undefined {
  return rules.find(([pattern]) => pattern.test(label))?.[1];
}

function groupCategory(
  concept: EscoConcept,
  byUri: ReadonlyMap<string, EscoConcept>,
  sources: EscoSources,
): SkillCategoryId | undefined {
  const codes: string[] = [];
  const seen = new Set<string>();
  const visit = (uris: readonly string[]) => {
    for (const uri of uris) {
      if (seen.has(uri)) continue;
      seen.add(uri);
      const group = sources.groups.get(uri);
      if (group !== undefined) codes.push(group.code);
      else visit(byUri.get(uri)?.broader ?? []);
    }
  };
  visit(concept.broader);
  for (const code of codes) {
    const rule = GROUP_RULES.find(([prefix]) => code.startsWith(prefix));
    if (rule !== undefined) return rule[1];
  }
  return undefined;
}
