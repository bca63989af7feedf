import { exportSection, type EntityManager } from '@talentgraph/platform';
import { OfferSchema } from '../entities/Offer.ts';

/** The offers section of a person's export: the offers they wrote for their organizations. */
export async function offersSectionOf(em: EntityManager, userId: string): Promise<Record<string, unknown>> {
  const authored = await em.find(
    OfferSchema,
    { authorId: userId },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  return exportSection({
    offersWritten: authored.map((offer) => ({
      id: offer.id,
      organizationId: offer.organizationId,
      kind: offer.kind,
      title: offer.title,
      status: offer.status,
      createdAt: offer.createdAt,
      publishedAt: offer.publishedAt,
    })),
  });
}
