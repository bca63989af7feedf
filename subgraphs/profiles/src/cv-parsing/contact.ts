import { parsePlace, type Place } from './places.ts';

/** Contact details found in CV text: e-mail addresses, phone numbers, profile and personal links. */

export const LINK_KINDS = [
  'LINKEDIN',
  'GITHUB',
  'GITLAB',
  'STACKOVERFLOW',
  'TWITTER',
  'WEBSITE',
  'OTHER',
] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface FoundLink {
  readonly kind: LinkKind;
  /** Absolute https URL. */
  readonly url: string;
  /** As written in the CV. */
  readonly text: string;
}

const EMAIL = /(?<![\w.+-])[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,24}(?![\w-])/gi;
const PHONE = /(?<![\w+/.,-])(?:\+|00)?\(?\+?\d{1,4}\)?(?:[ .\-/]?\(?\d{1,5}\)?){2,7}(?![\w/.,-]*\d)/g;
const URL_WITH_SCHEME = /\bhttps?:\/\/[^\s<>"'()[\]]+/gi;
const BARE_DOMAIN =
  /(?<![@\w./-])(?:www\.)?(?:[a-z0-9-]+\.)+(?:com|org|net|io|dev|me|fr|de|uk|co|ai|app|eu|ma|ch|be|ca|info|tech|xyz|page|site|nl|es|it)(?:\/[^\s<>"'()[\]]*)?(?![\w@])/gi;

/** Hosts whose links are references to a publication or a certificate, not a way to reach the person. */
const NOT_CONTACT_HOSTS = ['doi.org', 'dx.doi.org', 'zenodo.org', 'arxiv.org'];

export function findEmails(line: string): string[] {
  return [...line.matchAll(EMAIL)].map((match) => match[0].replace(/\.$/, '').toLowerCase());
}

/**
 * Phone numbers: 9 to 15 digits (E.164), written with a leading +, 00, ( or 0, or as 10 digits or more;
 * never a period of years ("2012 - 2014 2015"), an identifier with more than 15 digits (an ORCID) or a
 * masked number ("+49 176 *** **").
 */
export function findPhones(line: string): string[] {
  const phones: string[] = [];
  for (const match of line.matchAll(PHONE)) {
    const written = match[0].trim();
    const digits = written.replace(/\D/g, '');
    if (digits.length < 9 || digits.length > 15) continue;
    if (!/^[+(0]/.test(written) && digits.length < 10) continue;
    // Periods and dates ("01/2018 - 03/2019", "2012 - 2014") are not phone numbers.
    if (/(?:^|\D)(?:19|20)\d{2}(?:\D|$)/.test(written) && /[/]|\s[-–]\s/.test(written)) continue;
    if (/^(?:(?:19|20)\d{2}\D+)+(?:19|20)\d{2}$/.test(written)) continue;
    phones.push(written);
  }
  return phones;
}

function linkKind(host: string, path: string): LinkKind {
  const segments = path.split('/').filter((segment) => segment !== '');
  if (host.endsWith('linkedin.com')) return 'LINKEDIN';
  // A repository link (github.com/user/repo) shows work, a profile link (github.com/user) reaches the person.
  if (host === 'github.com') return segments.length <= 1 ? 'GITHUB' : 'OTHER';
  if (host === 'gitlab.com') return segments.length <= 1 ? 'GITLAB' : 'OTHER';
  if (host.endsWith('stackoverflow.com')) return 'STACKOVERFLOW';
  if (host === 'twitter.com' || host === 'x.com') return 'TWITTER';
  return segments.length === 0 ? 'WEBSITE' : 'OTHER';
}

/** Links in a line (with or without https://), e-mail domains excluded, publication references left out. */
export function findLinks(line: string): FoundLink[] {
  const withoutEmails = line.replace(EMAIL, ' ');
  const links: FoundLink[] = [];
  const seen = new Set<string>();
  const written = [
    ...withoutEmails.matchAll(URL_WITH_SCHEME),
    ...withoutEmails.replace(URL_WITH_SCHEME, ' ').matchAll(BARE_DOMAIN),
  ];
  for (const match of written) {
    const text = match[0].replace(/[.,;:]+$/, '');
    let url: URL;
    try {
      url = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`);
    } catch {
      continue;
    }
    const host = url.hostname.replace(/^www\./, '').toLowerCase();
    if (NOT_CONTACT_HOSTS.includes(host)) continue;
    url.protocol = 'https:';
    const normalized = url.toString().replace(/\/$/, '');
    if (seen.has(normalized)) continue;
    seen.add(normalized);
    links.push({ kind: linkKind(host, url.pathname), url: normalized, text });
  }
  return links;
}

/** Cells of a header line: its tab-separated parts, and the parts between "|", "·", "•" or "—". */
function headerCells(line: string): string[] {
  return line
    .split(/\t|\s[|·•—]\s|\s\|\s?|\s?\|\s/)
    .map((cell) => cell.replace(/^[^\p{L}\p{N}+(]+/u, '').trim())
    .filter((cell) => cell !== '');
}

/** The place one header or contact line gives, from a cell that is all place ("Bremen, Germany"). */
export function findPlace(line: string): { place: Place; text: string } | null {
  for (const cell of headerCells(line)) {
    const labelled = /^(?:address|adresse|location|localisation|ville|city|lieu)\s*:\s*(.+)$/i.exec(cell);
    const candidate = labelled?.[1] ?? cell;
    const place = parsePlace(candidate);
    if (place && !place.remote) return { place, text: candidate };
    const postal = /^(?:.*?\s)?(\d{5})\s+([\p{Lu}][\p{L}'’-]+(?:[ -][\p{Lu}][\p{L}'’-]+)*)$/u.exec(candidate);
    // Five-digit postal codes are French, German, Spanish, Italian…: the city is known, the country is not.
    if (postal?.[2]) return { place: { city: postal[2], countryCode: null, remote: false }, text: candidate };
  }
  return null;
}
