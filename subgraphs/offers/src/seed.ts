import { offers } from '@talentgraph/demo-data';
import type { EntityManager } from '@talentgraph/platform';
import { salaryRangeProblems, storedAmount } from './domain/salary.ts';
import { OfferSchema } from './entities/Offer.ts';

export async function seedDemoData(em: EntityManager): Promise<void> {
  for (const { salary, publishedAt, expiresAt, requiredSkills, niceToHaveSkills, ...offer } of offers) {
    if (salary) {
      const problems = salaryRangeProblems({ ...salary, minimum: salary.min, maximum: salary.max });
      if (problems.length > 0) {
        const reasons = problems.map((problem) => problem.message).join('; ');
        throw new Error(`Demo offer ${offer.id} has an invalid salary: ${reasons}`);
      }
    }
    // Published demo offers were written when they were published, not when the demo was seeded.
    const writtenAt = publishedAt ? new Date(publishedAt) : new Date();
    em.create(OfferSchema, {
      ...offer,
      requiredSkills: [...requiredSkills],
      niceToHaveSkills: [...niceToHaveSkills],
      salaryMinimum: salary ? storedAmount(salary.min, salary.currency) : null,
      salaryMaximum: salary ? storedAmount(salary.max, salary.currency) : null,
      salaryCurrency: salary?.currency ?? null,
      salaryPeriod: salary?.period ?? null,
      publishedAt: publishedAt ? new Date(publishedAt) : null,
      expiresAt: expiresAt ? new Date(expiresAt) : null,
      createdAt: writtenAt,
      updatedAt: writtenAt,
    });
  }
  await em.flush();
}
