import { randomUUID } from 'node:crypto';
import type { Viewer } from '@talentgraph/auth';
import type { EntityManager } from '@talentgraph/platform';
import { recordAudit } from '../audit/audit-log.ts';
import { userActor } from '../audit/audit-rules.ts';
import { identityOf } from '../identity/services.ts';

/** Version of the export document's shape; raised when a section changes in a way readers must know. */
export const PERSONAL_DATA_FORMAT_VERSION = 1;

/** One export: the entity every subgraph adds its section to (see the schema's PersonalDataExport). */
export interface PersonalDataExportModel {
  readonly id: string;
  readonly subjectId: string;
  readonly formatVersion: number;
  readonly generatedAt: Date;
}

/**
 * Starts an export of the signed-in person's data: limited per account (every export reads every
 * subgraph) and audited, without the data itself, as `gdpr.data_exported`. The sections are read when
 * the gateway asks each subgraph for its part of the returned entity.
 */
export async function exportMyData(
  em: EntityManager,
  person: Extract<Viewer, { kind: 'USER' }>,
  now: Date,
): Promise<PersonalDataExportModel> {
  await identityOf(em).rateLimits.enforce('dataExportPerAccount', person.userId);
  const exported: PersonalDataExportModel = {
    id: randomUUID(),
    subjectId: person.userId,
    formatVersion: PERSONAL_DATA_FORMAT_VERSION,
    generatedAt: now,
  };
  await recordAudit(em, {
    occurredAt: now,
    actor: userActor(person.userId),
    action: 'gdpr.data_exported',
    target: { type: 'User', id: person.userId },
    details: { exportId: exported.id },
  });
  return exported;
}
