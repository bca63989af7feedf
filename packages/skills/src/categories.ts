/**
 * The closed list of skill categories. Every skill has exactly one; ESCO concepts are placed by their
 * ESCO skill groups (scripts/esco-categories.ts), curated skills by hand. Ids are stable: they are stored
 * with profiles and offers and used as filters.
 */
export const SKILL_CATEGORIES = [
  { id: 'programming-languages', en: 'Programming languages', fr: 'Langages de programmation' },
  { id: 'web-frontend', en: 'Front-end development', fr: 'Développement front-end' },
  { id: 'web-backend', en: 'Back-end development', fr: 'Développement back-end' },
  { id: 'mobile', en: 'Mobile development', fr: 'Développement mobile' },
  { id: 'databases', en: 'Databases', fr: 'Bases de données' },
  { id: 'cloud', en: 'Cloud computing', fr: 'Cloud' },
  { id: 'devops', en: 'DevOps and infrastructure', fr: 'DevOps et infrastructure' },
  { id: 'data-ai', en: 'Data and artificial intelligence', fr: 'Données et intelligence artificielle' },
  { id: 'software-engineering', en: 'Software engineering', fr: 'Génie logiciel' },
  { id: 'testing-quality', en: 'Testing and quality', fr: 'Tests et qualité' },
  { id: 'security', en: 'Cybersecurity', fr: 'Cybersécurité' },
  { id: 'systems-networks', en: 'Systems and networks', fr: 'Systèmes et réseaux' },
  { id: 'design', en: 'Design and user experience', fr: 'Design et expérience utilisateur' },
  { id: 'methods-management', en: 'Methods and project management', fr: 'Méthodes et gestion de projet' },
  { id: 'software-tools', en: 'Software and office tools', fr: 'Logiciels et bureautique' },
  { id: 'business', en: 'Business, marketing and finance', fr: 'Commerce, marketing et finance' },
  { id: 'engineering-industry', en: 'Engineering and industry', fr: 'Ingénierie et industrie' },
  { id: 'media-communication', en: 'Media and communication', fr: 'Médias et communication' },
  { id: 'soft-skills', en: 'Soft skills', fr: 'Compétences comportementales' },
  { id: 'sector-specific', en: 'Sector-specific skills', fr: 'Compétences sectorielles' },
] as const;

export type SkillCategoryId = (typeof SKILL_CATEGORIES)[number]['id'];

export type SkillCategory = (typeof SKILL_CATEGORIES)[number];

const CATEGORY_IDS: ReadonlySet<string> = new Set(SKILL_CATEGORIES.map((category) => category.id));

export function isSkillCategoryId(value: string): value is SkillCategoryId {
  return CATEGORY_IDS.has(value);
}
