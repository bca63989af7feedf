import { profiles } from '@talentgraph/demo-data';
import type { EntityManager } from '@talentgraph/platform';
import { normalizeSkillName, profileDetailsViolations, skillKey } from './domain/profile.ts';
import { LanguageSkillSchema } from './entities/LanguageSkill.ts';
import { ProfileSchema } from './entities/Profile.ts';
import { ProfileSkillSchema } from './entities/ProfileSkill.ts';

export async function seedDemoData(em: EntityManager): Promise<void> {
  // One instant for the whole set, so the listing order (updatedAt desc, then id) is the ids' order.
  const seededAt = new Date();
  for (const { userId, city, countryCode, skills, languages, ...details } of profiles) {
    const skillsWithYears = skills.map((skill) => ({ name: skill.name, yearsOfExperience: skill.years }));
    const violations = profileDetailsViolations({ ...details, skills: skillsWithYears, languages });
    if (violations.length > 0) {
      const problems = violations.map((violation) => `${violation.field} ${violation.message}`).join('; ');
      throw new Error(`Demo profile ${details.id} breaks profile rules: ${problems}`);
    }
    em.create(ProfileSchema, {
      ...details,
      userId,
      city,
      countryCode,
      desiredContractTypes: [...details.desiredContractTypes],
      createdAt: seededAt,
      updatedAt: seededAt,
    });
    skillsWithYears.forEach((skill, position) => {
      em.create(ProfileSkillSchema, {
        profile: details.id,
        name: normalizeSkillName(skill.name),
        nameKey: skillKey(skill.name),
        yearsOfExperience: skill.yearsOfExperience,
        position,
      });
    });
    for (const language of languages) {
      em.create(LanguageSkillSchema, { profile: details.id, ...language });
    }
  }
  await em.flush();
}
