import { isCountryCode } from '@talentgraph/vocabulary';
import { addYears, isCalendarDate } from './dates.ts';
import { isProblem, lineText, multilineText, oneOf, wholeNumber, type FieldResult } from './fields.ts';
import {
  CITY_MAX_LENGTH,
  HEADLINE_MAX_LENGTH,
  MAX_YEARS_OF_EXPERIENCE,
  REMOTE_PREFERENCES,
  SUMMARY_MAX_LENGTH,
  type RemotePreference,
} from './profile.ts';
import type { PlaceState } from './profile-state.ts';
import { accepted, refused, violation, type Checked, type Violation } from './violations.ts';

/** A place as people give it: a country, a city in it if they wish, coordinates when their app knows them. */
export interface PlaceInput {
  readonly city?: string | null;
  readonly countryCode: string;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
}

/**
 * A change to the basics of a profile: an omitted field (undefined) keeps its value, null clears it.
 * Enumerated values are strings here because drafts, which are free JSON, are checked by the same rules.
 */
export interface BasicsChange {
  readonly headline?: string | null;
  readonly summary?: string | null;
  readonly location?: PlaceInput | null;
  readonly remotePreference?: string | null;
  readonly yearsOfExperience?: number | null;
  readonly availableFrom?: string | null;
}

export interface BasicsPatch {
  readonly headline?: string | null;
  readonly summary?: string | null;
  readonly location?: PlaceState | null;
  readonly remotePreference?: RemotePreference | null;
  readonly yearsOfExperience?: number | null;
  readonly availableFrom?: string | null;
}

/** An availability further ahead than this is a plan, not an availability. */
export const AVAILABILITY_HORIZON_YEARS = 3;

/** Checks a place: a known country, an optional city, both coordinates or neither, within the globe. */
export function placeProblems(
  field: string,
  place: PlaceInput,
): { place: PlaceState | null; problems: Violation[] } {
  const problems: Violation[] = [];
  if (!isCountryCode(place.countryCode)) {
    problems.push(
      violation(
        `${field}.countryCode`,
        'INVALID_COUNTRY',
        `"${place.countryCode}" is not an ISO 3166-1 country code such as FR`,
      ),
    );
  }
  let city: string | null = null;
  if (place.city != null && place.city.trim() !== '') {
    const checked = lineText(`${field}.city`, place.city, { max: CITY_MAX_LENGTH });
    if (isProblem(checked)) problems.push(checked.problem);
    else city = checked.value;
  }
  const latitude = place.latitude ?? null;
  const longitude = place.longitude ?? null;
  if ((latitude === null) !== (longitude === null)) {
    problems.push(
      violation(
        `${field}.latitude`,
        'INCOMPLETE_COORDINATES',
        'give both latitude and longitude, or neither',
      ),
    );
  }
  if (latitude !== null && !(Number.isFinite(latitude) && Math.abs(latitude) <= 90)) {
    problems.push(violation(`${field}.latitude`, 'OUT_OF_RANGE', 'must be from -90 to 90'));
  }
  if (longitude !== null && !(Number.isFinite(longitude) && Math.abs(longitude) <= 180)) {
    problems.push(violation(`${field}.longitude`, 'OUT_OF_RANGE', 'must be from -180 to 180'));
  }
  return problems.length > 0
    ? { place: null, problems }
    : { place: { city, countryCode: place.countryCode, latitude, longitude }, problems };
}

/** Applies `check` to a patch field: undefined stays undefined, null stays null (cleared). */
function patchField<Raw, Value>(
  raw: Raw | null | undefined,
  problems: Violation[],
  check: (value: Raw) => FieldResult<Value>,
): Value | null | undefined {
  if (raw === undefined || raw === null) return raw as null | undefined;
  const result = check(raw);
  if (isProblem(result)) {
    problems.push(result.problem);
    return undefined;
  }
  return result.value;
}

export function validateBasics(change: BasicsChange, today: string): Checked<BasicsPatch> {
  const problems: Violation[] = [];
  const headline = patchField(change.headline, problems, (text) =>
    lineText('headline', text, { min: 3, max: HEADLINE_MAX_LENGTH }),
  );
  const summary = patchField(change.summary, problems, (text) =>
    multilineText('summary', text, SUMMARY_MAX_LENGTH),
  );
  const remotePreference = patchField(change.remotePreference, problems, (value) =>
    oneOf('remotePreference', value, REMOTE_PREFERENCES),
  );
  const yearsOfExperience = patchField(change.yearsOfExperience, problems, (years) =>
    wholeNumber('yearsOfExperience', years, 0, MAX_YEARS_OF_EXPERIENCE),
  );
  const latestAvailability = addYears(today, AVAILABILITY_HORIZON_YEARS);
  const availableFrom = patchField(change.availableFrom, problems, (date): FieldResult<string> => {
    if (!isCalendarDate(date)) {
      return {
        problem: violation('availableFrom', 'INVALID_DATE', `"${date}" is not a calendar date YYYY-MM-DD`),
      };
    }
    if (date > latestAvailability) {
      return {
        problem: violation('availableFrom', 'DATE_OUT_OF_RANGE', `must not be after ${latestAvailability}`),
      };
    }
    return { value: date };
  });
  let location: PlaceState | null | undefined = change.location === null ? null : undefined;
  if (change.location) {
    const checked = placeProblems('location', change.location);
    problems.push(...checked.problems);
    location = checked.place ?? undefined;
  }
  if (problems.length > 0) return refused(problems);
  const patch: { -readonly [Key in keyof BasicsPatch]: BasicsPatch[Key] } = {};
  if (headline !== undefined) patch.headline = headline;
  // An empty summary is no summary.
  if (summary !== undefined) patch.summary = summary === '' ? null : summary;
  if (location !== undefined) patch.location = location;
  if (remotePreference !== undefined) patch.remotePreference = remotePreference;
  if (yearsOfExperience !== undefined) patch.yearsOfExperience = yearsOfExperience;
  if (availableFrom !== undefined) patch.availableFrom = availableFrom;
  return accepted(patch);
}
