import { MatchSchema } from './Match.ts';
import { OfferSnapshotSchema } from './OfferSnapshot.ts';
import { ProfileSnapshotSchema } from './ProfileSnapshot.ts';

export const entities = [ProfileSnapshotSchema, OfferSnapshotSchema, MatchSchema];
