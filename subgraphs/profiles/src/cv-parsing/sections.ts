import { foldAccents } from '@talentgraph/vocabulary';

export const SECTION_KINDS = [
  'summary',
  'experience',
  'education',
  'skills',
  'languages',
  'certifications',
  'projects',
  'contact',
  'interests',
  'publications',
  'awards',
  'volunteering',
  'references',
  'other',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

/** Headings as CVs write them, English and French, compared without case, accents or punctuation. */
const HEADINGS: Readonly<Record<SectionKind, readonly string[]>> = {
  summary: [
    'summary',
    'professional summary',
    'career summary',
    'executive summary',
    'profile',
    'professional profile',
    'personal profile',
    'about',
    'about me',
    'objective',
    'career objective',
    'personal statement',
    'introduction',
    'overview',
    'profil',
    'profil professionnel',
    'resume',
    'a propos',
    'a propos de moi',
    'presentation',
    'objectif',
    'objectif professionnel',
    'synthese',
  ],
  experience: [
    'experience',
    'experiences',
    'work experience',
    'professional experience',
    'professional experiences',
    'relevant experience',
    'employment',
    'employment history',
    'work history',
    'career history',
    'career',
    'professional background',
    'work',
    'positions',
    'experience professionnelle',
    'experiences professionnelles',
    'parcours professionnel',
    'emplois',
    'emploi',
    'experiences significatives',
    'stages',
    'internships',
  ],
  education: [
    'education',
    'academic background',
    'academic history',
    'studies',
    'academic education',
    'education and training',
    'degrees',
    'qualifications',
    'formation',
    'formations',
    'etudes',
    'parcours academique',
    'parcours scolaire',
    'diplomes',
    'cursus',
    'scolarite',
    'formation academique',
    'education et formation',
    'educations',
  ],
  skills: [
    'skills',
    'technical skills',
    'key skills',
    'core skills',
    'core competencies',
    'competencies',
    'competences',
    'skills and expertise',
    'expertise',
    'technical expertise',
    'areas of expertise',
    'technologies',
    'tech stack',
    'tools',
    'technical tools',
    'programming',
    'programming skills',
    'programming languages',
    'frameworks',
    'software',
    'software programs',
    'it skills',
    'computer skills',
    'fields',
    'operating systems',
    'os',
    'hard skills',
    'soft skills',
    'competences techniques',
    'competences informatiques',
    'competences cles',
    'savoir faire',
    'outils',
    'logiciels',
    'informatique',
    'developpement informatique',
    'langages',
    'langages de programmation',
    'environnement technique',
    'connaissances',
    'connaissances techniques',
    'aptitudes',
    'savoir etre',
  ],
  languages: [
    'languages',
    'language',
    'language skills',
    'spoken languages',
    'foreign languages',
    'langues',
    'langue',
    'competences linguistiques',
    'langues parlees',
    'langues etrangeres',
  ],
  certifications: [
    'certifications',
    'certification',
    'certificates',
    'certificate',
    'licenses and certifications',
    'licences and certifications',
    'certifications and licenses',
    'accreditations',
    'certificats',
    'certificat',
    'certifications professionnelles',
    'habilitations',
  ],
  projects: [
    'projects',
    'project',
    'personal projects',
    'side projects',
    'selected projects',
    'academic projects',
    'research projects',
    'key projects',
    'relevant projects',
    'relevant repositories',
    'open source',
    'projets',
    'projet',
    'projets personnels',
    'projets academiques',
    'realisations',
    'projets realises',
  ],
  contact: [
    'contact',
    'contact information',
    'contact details',
    'contacts',
    'personal information',
    'personal details',
    'personal data',
    'coordonnees',
    'informations personnelles',
    'infos',
  ],
  interests: [
    'interests',
    'hobbies',
    'activities',
    'hobbies and interests',
    'personal interests',
    'extracurricular activities',
    'centres d interet',
    'centres d interets',
    'centre d interet',
    'loisirs',
    'activites',
    'passions',
    'activites extra professionnelles',
    'divers',
  ],
  publications: [
    'publications',
    'papers',
    'selected publications',
    'invited talks',
    'talks',
    'conferences',
    'patents',
    'brevets',
  ],
  awards: [
    'awards',
    'honors',
    'honours',
    'honors and awards',
    'awards and honors',
    'selected honors',
    'achievements',
    'distinctions',
    'prix',
    'recompenses',
    'prix et distinctions',
  ],
  volunteering: [
    'volunteering',
    'volunteer experience',
    'volunteer work',
    'benevolat',
    'engagement associatif',
    'engagements',
  ],
  references: ['references', 'referees', 'recommendations'],
  other: [],
};

const KIND_BY_HEADING = new Map<string, SectionKind>(
  (Object.entries(HEADINGS) as [SectionKind, readonly string[]][]).flatMap(([kind, headings]) =>
    headings.map((heading) => [heading, kind] as const),
  ),
);

/** Longest line still read as a heading; longer lines are sentences. */
const MAX_HEADING_LENGTH = 60;

/** Lower case, no accents, "&" as "and", punctuation and list markers gone, single spaces. */
function normalizeHeading(line: string): string {
  let text = line.trim();
  // Letter-spaced headings: "E X P E R I E N C E".
  if (/^(?:\p{L} ){3,}\p{L}$/u.test(text)) text = text.replace(/ /g, '');
  return foldAccents(text)
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/^(?:[ivx]+|\d+)[.)]\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The kinds a line names when it is a heading alone on its line, or null. "Education et projet" names two. */
export function headingKinds(line: string): SectionKind[] | null {
  const cells = line.split('\t').filter((cell) => cell.trim() !== '');
  if (cells.length !== 1 || (cells[0] ?? '').length > MAX_HEADING_LENGTH) return null;
  const normalized = normalizeHeading(cells[0] ?? '');
  if (normalized === '') return null;
  const whole = KIND_BY_HEADING.get(normalized);
  if (whole) return [whole];
  const parts = normalized.split(/ (?:and|et) /);
  if (parts.length < 2) return null;
  const kinds = parts.map((part) => KIND_BY_HEADING.get(part));
  if (kinds.some((kind) => kind === undefined)) return null;
  return [...new Set(kinds as SectionKind[])];
}

export interface Section {
  /** What the section holds; `header` is everything above the first heading (name, title, contact). */
  readonly kind: SectionKind | 'header';
  /** Every kind a combined heading names ("Education and experience"), the main one first. */
  readonly kinds: readonly (SectionKind | 'header')[];
  /** The heading as written, or null for the header. */
  readonly heading: string | null;
  /** 1-based line numbers of the heading (or first line) and the last line of the section. */
  readonly startLine: number;
  readonly endLine: number;
  /** The lines of the section after its heading, with their 1-based line numbers. */
  readonly lines: readonly NumberedLine[];
}

export interface NumberedLine {
  readonly number: number;
  readonly text: string;
}

/** Experience first among several kinds: a mixed timeline is read as dated entries. */
const MAIN_KIND_ORDER: readonly SectionKind[] = ['experience', 'education', 'projects', 'certifications'];

function mainKind(kinds: readonly SectionKind[]): SectionKind {
  return MAIN_KIND_ORDER.find((kind) => kinds.includes(kind)) ?? kinds[0] ?? 'other';
}

/** Sections made of dated entries, whose entries may hold labelled parts ("Publications:"). */
const ENTRY_SECTIONS: readonly (SectionKind | 'header')[] = ['experience', 'projects', 'education'];
/** Kinds an entry of those sections may list under a label of its own. */
const ENTRY_LABEL_KINDS: readonly SectionKind[] = [
  'publications',
  'awards',
  'projects',
  'references',
  'other',
];

/**
 * Whether a heading-like line is a label inside an entry rather than a new section: "Publications:"
 * under a research project. Such labels end with a colon, are not written in capitals, and name
 * something an entry lists; a colon heading of a main kind ("Education:") still starts a section.
 */
function isEntryLabel(
  line: string,
  kinds: readonly SectionKind[],
  currentKind: SectionKind | 'header',
): boolean {
  const text = line.trim();
  return (
    text.endsWith(':') &&
    text !== text.toUpperCase() &&
    ENTRY_SECTIONS.includes(currentKind) &&
    kinds.every((kind) => ENTRY_LABEL_KINDS.includes(kind) && kind !== currentKind)
  );
}

/** The document cut at its headings, in order. */
export function splitSections(lines: readonly string[]): Section[] {
  const sections: Section[] = [];
  let current: {
    kind: SectionKind | 'header';
    kinds: (SectionKind | 'header')[];
    heading: string | null;
    startLine: number;
    lines: NumberedLine[];
  } = {
    kind: 'header',
    kinds: ['header'],
    heading: null,
    startLine: 1,
    lines: [],
  };
  const close = (endLine: number): void => {
    if (current.heading !== null || current.lines.some((line) => line.text.trim() !== '')) {
      sections.push({ ...current, endLine });
    }
  };
  lines.forEach((text, index) => {
    const number = index + 1;
    const kinds = headingKinds(text);
    if (kinds && !isEntryLabel(text, kinds, current.kind)) {
      close(number - 1);
      current = {
        kind: mainKind(kinds),
        kinds: [mainKind(kinds), ...kinds.filter((kind) => kind !== mainKind(kinds))],
        heading: text.trim(),
        startLine: number,
        lines: [],
      };
    } else {
      current.lines.push({ number, text });
    }
  });
  close(lines.length);
  return sections;
}
