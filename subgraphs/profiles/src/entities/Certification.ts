import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ProfileSchema } from './Profile.ts';

/** A certification of a profile, with its expiry when it has one. */
export const CertificationSchema = defineEntity({
  name: 'Certification',
  tableName: 'profile_certifications',
  indexes: [{ properties: ['profile'] }],
  checks: [
    {
      name: 'profile_certifications_expiry_check',
      expression: '(expires_on IS NULL) OR (expires_on > issued_on)',
    },
  ],
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => randomUUID()),
    profile: () => p.manyToOne(ProfileSchema).deleteRule('cascade'),
    name: p.string().length(160),
    issuer: p.string().length(160),
    issuedOn: p.date(),
    expiresOn: p.date().nullable(),
    credentialId: p.string().length(120).nullable(),
    credentialUrl: p.string().length(500).nullable(),
  },
});

export type Certification = InferEntity<typeof CertificationSchema>;
