import { forbidden, unauthenticated, type Viewer } from '@talentgraph/auth';
import { violation, type Violation } from '../domain/violations.ts';

/** An expected business failure, returned in a mutation payload's `errors` (DESIGN.md §4). */
export interface UserError {
  readonly code: string;
  readonly message: string;
  /** Path of the field concerned, e.g. `['input', 'experiences', '2', 'endDate']`; null when none is. */
  readonly field: string[] | null;
}

/** A violation of the domain rules as a user error; its field path is relative to `root` (`input`, `draft`). */
export function userErrorOf(found: Violation, root: string[] = ['input']): UserError {
  return {
    code: found.code,
    message: found.field === '' ? found.message : `${found.field}: ${found.message}`,
    field: found.field === '' ? (root.length > 0 ? root : null) : [...root, ...found.field.split('.')],
  };
}

/**
 * Thrown inside a mutation's transaction to refuse it: the transaction rolls back, so nothing of the
 * mutation is written (no row, no event), and the payload carries the errors.
 */
export class Refusal extends Error {
  readonly errors: readonly UserError[];

  constructor(errors: readonly UserError[]) {
    super(errors.map((error) => error.message).join('; '));
    this.name = 'Refusal';
    this.errors = errors;
  }
}

export function refuse(violations: readonly Violation[], root: string[] = ['input']): never {
  throw new Refusal(violations.map((found) => userErrorOf(found, root)));
}

export const PROFILE_NOT_FOUND = violation(
  'profileId',
  'PROFILE_NOT_FOUND',
  'no profile you can see has this id',
);

/**
 * Runs a mutation whose refusals are thrown as `Refusal` (see above) and answers them as a payload with
 * errors, built by `refused`.
 */
export async function answering<Payload>(
  work: () => Promise<Payload>,
  refused: (errors: UserError[]) => Payload,
): Promise<Payload> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refusal) return refused([...error.errors]);
    throw error;
  }
}

export type Person = Extract<Viewer, { kind: 'USER' }>;

/** Profiles are written by signed-in people; a partner key reads through persisted queries only. */
export function requirePerson(viewer: Viewer | null): Person {
  if (viewer === null) throw unauthenticated('Sign in to change a profile.');
  if (viewer.kind !== 'USER') throw forbidden('Partner keys do not change profiles.');
  return viewer;
}
