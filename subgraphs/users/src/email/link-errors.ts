import { userError, type UserError } from '../domain/user-error.ts';

/** Why a link from an e-mail did not work, next to the `token` field. */
export function linkError(reason: 'INVALID' | 'EXPIRED'): UserError {
  return reason === 'EXPIRED'
    ? userError('TOKEN_EXPIRED', 'This link has expired; ask for a new one.', 'token')
    : userError('TOKEN_INVALID', 'This link is not valid, or was already used.', 'token');
}
