import { OfferSchema } from './Offer.ts';

export const entities = [OfferSchema];
