import { foldAccents } from '@talentgraph/vocabulary';

/**
 * Places as CVs write them next to a name or an entry: "Bremen, Germany", "San Francisco, CA",
 * "Mapo-gu, Seoul, Republic of Korea", "Casablanca, Maroc", "Remote". Countries are recognized by
 * their English, French or own name (and common abbreviations); US states by their two-letter code.
 */

const COUNTRY_NAMES: Readonly<Record<string, readonly string[]>> = {
  FR: ['france'],
  DE: ['germany', 'allemagne', 'deutschland'],
  GB: [
    'united kingdom',
    'uk',
    'u k',
    'royaume uni',
    'england',
    'angleterre',
    'scotland',
    'ecosse',
    'wales',
    'great britain',
  ],
  US: ['united states', 'united states of america', 'usa', 'u s a', 'us', 'u s', 'etats unis'],
  CA: ['canada'],
  BE: ['belgium', 'belgique'],
  CH: ['switzerland', 'suisse', 'schweiz'],
  LU: ['luxembourg'],
  NL: ['netherlands', 'pays bas', 'holland', 'nederland'],
  ES: ['spain', 'espagne', 'espana'],
  IT: ['italy', 'italie', 'italia'],
  PT: ['portugal'],
  IE: ['ireland', 'irlande'],
  AT: ['austria', 'autriche'],
  SE: ['sweden', 'suede'],
  NO: ['norway', 'norvege'],
  DK: ['denmark', 'danemark'],
  FI: ['finland', 'finlande'],
  PL: ['poland', 'pologne'],
  CZ: ['czech republic', 'czechia', 'republique tcheque'],
  RO: ['romania', 'roumanie'],
  GR: ['greece', 'grece'],
  TR: ['turkey', 'turkiye', 'turquie'],
  RU: ['russia', 'russie'],
  UA: ['ukraine'],
  MA: ['morocco', 'maroc'],
  DZ: ['algeria', 'algerie'],
  TN: ['tunisia', 'tunisie'],
  SN: ['senegal'],
  CI: ['ivory coast', 'cote d ivoire'],
  CM: ['cameroon', 'cameroun'],
  EG: ['egypt', 'egypte'],
  NG: ['nigeria'],
  ZA: ['south africa', 'afrique du sud'],
  KE: ['kenya'],
  IN: ['india', 'inde'],
  CN: ['china', 'chine'],
  JP: ['japan', 'japon'],
  KR: ['south korea', 's korea', 'korea', 'republic of korea', 'coree du sud', 'coree'],
  SG: ['singapore', 'singapour'],
  AU: ['australia', 'australie'],
  NZ: ['new zealand', 'nouvelle zelande'],
  BR: ['brazil', 'bresil', 'brasil'],
  MX: ['mexico', 'mexique'],
  AR: ['argentina', 'argentine'],
  CL: ['chile', 'chili'],
  CO: ['colombia', 'colombie'],
  IL: ['israel'],
  AE: ['united arab emirates', 'uae', 'emirats arabes unis'],
  SA: ['saudi arabia', 'arabie saoudite'],
  LB: ['lebanon', 'liban'],
  VN: ['vietnam', 'viet nam'],
  TH: ['thailand', 'thailande'],
  ID: ['indonesia', 'indonesie'],
  PH: ['philippines'],
  PK: ['pakistan'],
  BD: ['bangladesh'],
  HK: ['hong kong'],
  TW: ['taiwan'],
  MU: ['mauritius', 'maurice', 'ile maurice'],
  RE: ['la reunion', 'reunion'],
  MC: ['monaco'],
  HU: ['hungary', 'hongrie'],
  HR: ['croatia', 'croatie'],
  BG: ['bulgaria', 'bulgarie'],
  RS: ['serbia', 'serbie'],
  EE: ['estonia', 'estonie'],
  LT: ['lithuania', 'lituanie'],
  LV: ['latvia', 'lettonie'],
  SK: ['slovakia', 'slovaquie'],
  SI: ['slovenia', 'slovenie'],
  IS: ['iceland', 'islande'],
};

const US_STATES =
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC'.split(
    ' ',
  );

const COUNTRY_BY_NAME = new Map<string, string>(
  Object.entries(COUNTRY_NAMES).flatMap(([code, names]) => names.map((name) => [name, code] as const)),
);

const REMOTE_WORDS = new Set(['remote', 'teletravail', 'a distance', 'full remote', 'worldwide']);

export interface Place {
  readonly city: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly countryCode: string | null;
  readonly remote: boolean;
}

function foldPlace(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** The country a part names ("Germany", "S.Korea", "CA" as a US state), or null. */
function countryOf(part: string): string | null {
  const trimmed = part.trim();
  if (US_STATES.includes(trimmed)) return 'US';
  return COUNTRY_BY_NAME.get(foldPlace(trimmed)) ?? null;
}

/** A part that can be a city or district name: capitalized words, no digits, at most four words. */
function isPlaceName(part: string): boolean {
  return /^\p{Lu}[\p{L}'’.\- ]*$/u.test(part) && part.split(/\s+/).length <= 4;
}

/**
 * The place `text` names, when all of it is a place: "City, Country", "District, City, Country",
 * "City, ST" (US), a country alone, or a remote-work word. Null for anything else.
 */
export function parsePlace(text: string): Place | null {
  const trimmed = text.trim().replace(/[.;]$/, '');
  if (trimmed === '' || trimmed.length > 60 || /\d/.test(trimmed)) return null;
  if (REMOTE_WORDS.has(foldPlace(trimmed))) return { city: null, countryCode: null, remote: true };
  const parts = trimmed.split(/\s*,\s*/).filter((part) => part !== '');
  if (parts.length === 1) {
    const country = countryOf(trimmed);
    return country && trimmed.length > 2 ? { city: null, countryCode: country, remote: false } : null;
  }
  if (parts.length > 3) return null;
  const country = countryOf(parts[parts.length - 1] ?? '');
  const places = parts.slice(0, country ? -1 : undefined);
  if (!places.every(isPlaceName)) return null;
  if (!country) return null;
  return { city: places[places.length - 1] ?? null, countryCode: country, remote: false };
}
