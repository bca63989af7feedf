import { isExpired } from '../domain/career.ts';
import { calendarDateOf } from '../domain/dates.ts';
import type {
  CertificationResolvers,
  EducationResolvers,
  ExperienceResolvers,
} from '../generated/resolvers-types.ts';
import { skillNode } from './Skill.ts';

export const Experience: ExperienceResolvers = {
  contractType: (row) => row.contractType ?? null,
  location: (row) =>
    row.countryCode == null
      ? null
      : { city: row.city ?? null, countryCode: row.countryCode, latitude: null, longitude: null },
  endDate: (row) => row.endDate ?? null,
  current: (row, _args, { now }) => row.endDate == null || row.endDate >= calendarDateOf(now),
  description: (row) => row.description ?? null,
  skills: (row) => row.skillIds.map((id) => skillNode(id, id)),
};

export const Education: EducationResolvers = {
  degree: (row) => row.degree ?? null,
  fieldOfStudy: (row) => row.fieldOfStudy ?? null,
  endDate: (row) => row.endDate ?? null,
  description: (row) => row.description ?? null,
};

export const Certification: CertificationResolvers = {
  expiresOn: (row) => row.expiresOn ?? null,
  expired: (row, _args, { now }) => isExpired({ expiresOn: row.expiresOn ?? null }, calendarDateOf(now)),
  credentialId: (row) => row.credentialId ?? null,
  credentialUrl: (row) => row.credentialUrl ?? null,
};
