import { profiles, users, type DemoProfile } from '@talentgraph/demo-data';
import type { EntityManager } from '@talentgraph/platform';
import { validateBasics } from './domain/basics.ts';
import { validateCertification, validateEducation, validateExperience } from './domain/career.ts';
import { completionOf } from './domain/completion.ts';
import { calendarDateOf } from './domain/dates.ts';
import { ONBOARDING_STEPS } from './domain/onboarding.ts';
import {
  validateConsultantDetails,
  validateJobPreferences,
  validateMentorDetails,
} from './domain/preferences.ts';
import { DEFAULT_JOB_PREFERENCES, type ProfileState } from './domain/profile-state.ts';
import { ASSESSMENT_CRITERIA } from './domain/review.ts';
import { validateLanguages, validateProfileSkills } from './domain/skills.ts';
import type { Checked } from './domain/violations.ts';
import { OnboardingStepSchema } from './entities/OnboardingStep.ts';
import { ProfileSchema, type Profile } from './entities/Profile.ts';
import { ProfileReviewSchema } from './entities/ProfileReview.ts';
import { loadProfileState } from './editing/state.ts';
import {
  applyBasics,
  applyConsultant,
  applyMentor,
  applyPreferences,
  createCertification,
  createEducation,
  createExperience,
  replaceLanguages,
  replaceSkills,
} from './editing/writes.ts';
import { syncSearchDocument } from './search/search-sync.ts';
import { skillCatalog } from './skills/catalog.ts';

/** The demo data obeys the same rules as the API: a demo profile that breaks one stops the seed. */
function valid<Value>(profile: DemoProfile, what: string, checked: Checked<Value>): Value {
  if (checked.ok) return checked.value;
  const problems = checked.violations.map((found) => `${found.field} ${found.message}`).join('; ');
  throw new Error(`Demo profile ${profile.id} (${what}) breaks profile rules: ${problems}`);
}

const moderator = users.find((user) => user.roles.includes('MODERATOR'))!;
const DAY_MS = 24 * 60 * 60 * 1000;

async function seedProfile(
  em: EntityManager,
  demo: DemoProfile,
  today: string,
  seededAt: Date,
): Promise<Profile> {
  const profile = em.create(ProfileSchema, {
    id: demo.id,
    userId: demo.userId,
    kind: demo.kind,
    organizationId: demo.consultant?.organizationId ?? null,
    status: demo.status,
    submittedAt: demo.submittedAt === null ? null : new Date(demo.submittedAt),
    createdAt: seededAt,
    updatedAt: seededAt,
  });
  const { headline, summary, remotePreference, yearsOfExperience, availableFrom } = demo;
  const location = {
    city: demo.city,
    countryCode: demo.countryCode,
    latitude: demo.latitude,
    longitude: demo.longitude,
  };
  applyBasics(
    profile,
    valid(
      demo,
      'basics',
      validateBasics(
        { headline, summary, location, remotePreference, yearsOfExperience, availableFrom },
        today,
      ),
    ),
  );
  applyPreferences(
    profile,
    valid(
      demo,
      'preferences',
      validateJobPreferences(
        {
          ...demo.preferences,
          desiredTitles: demo.desiredTitles,
          desiredContractTypes: demo.desiredContractTypes,
          salaryExpectation: demo.salaryExpectation,
        },
        DEFAULT_JOB_PREFERENCES,
      ),
    ),
  );
  if (demo.consultant) {
    const { dailyRate, availability } = demo.consultant;
    const current = { organizationId: demo.consultant.organizationId, dailyRate: null, availability: null };
    applyConsultant(
      profile,
      valid(demo, 'consultant', validateConsultantDetails({ dailyRate, availability }, current)),
    );
  }
  if (demo.mentor) {
    const { expertise, mentoringYears, hourlyRate, ratingAverage, ratingCount } = demo.mentor;
    const current = {
      expertise: [],
      mentoringYears: null,
      hourlyRate: null,
      ratingAverage: null,
      ratingCount: 0,
    };
    applyMentor(
      profile,
      valid(demo, 'mentor', validateMentorDetails({ expertise, mentoringYears, hourlyRate }, current)),
    );
    // Ratings come from mentees' feedback, never from the mentor: the demo sets them directly.
    profile.ratingAverage = ratingAverage.toFixed(2);
    profile.ratingCount = ratingCount;
  }
  const skills = demo.skills.map(({ name, years, level }) => ({
    skill: { name },
    level,
    yearsOfExperience: years,
  }));
  await replaceSkills(em, profile, valid(demo, 'skills', validateProfileSkills(skills, skillCatalog)));
  await replaceLanguages(em, profile, valid(demo, 'languages', validateLanguages(demo.languages)));
  for (const experience of demo.experiences) {
    const input = {
      ...experience,
      location: experience,
      skills: experience.skills.map((name) => ({ name })),
    };
    createExperience(
      em,
      profile,
      valid(demo, 'experience', validateExperience(input, { catalog: skillCatalog, today })),
    );
  }
  for (const education of demo.education) {
    createEducation(em, profile, valid(demo, 'education', validateEducation(education, today)));
  }
  for (const certification of demo.certifications) {
    createCertification(
      em,
      profile,
      valid(demo, 'certification', validateCertification(certification, today)),
    );
  }
  return profile;
}

/** How the demo moderator's reviews end: a validation with a good grid, or the claim still open. */
function seedReview(em: EntityManager, profile: Profile, demo: DemoProfile): void {
  if (demo.submittedAt === null || demo.status === 'SUBMITTED') return;
  const claimedAt = new Date(new Date(demo.submittedAt).getTime() + DAY_MS);
  if (demo.status === 'IN_REVIEW') {
    em.create(ProfileReviewSchema, { profile, reviewerId: moderator.id, claimedAt });
    return;
  }
  em.create(ProfileReviewSchema, {
    profile,
    reviewerId: moderator.id,
    claimedAt,
    endedAt: new Date(claimedAt.getTime() + 60 * 60 * 1000),
    outcome: 'VALIDATED',
    assessment: ASSESSMENT_CRITERIA.map((criterion, index) => ({
      criterion,
      score: index % 2 === 0 ? 5 : 4,
      note: null,
    })),
    reasons: [],
    comment: 'Clear and complete profile, welcome aboard.',
  });
}

/**
 * Onboarding as each demo person left it: every step done once a profile was submitted; the draft
 * profile stops at EDUCATION, with a PREFERENCES form saved half-way.
 */
function seedOnboarding(em: EntityManager, profile: Profile, demo: DemoProfile, state: ProfileState): void {
  const steps = ONBOARDING_STEPS.filter((step) => step !== 'REVIEW');
  if (demo.submittedAt !== null) {
    const completedAt = new Date(demo.submittedAt);
    for (const step of steps) em.create(OnboardingStepSchema, { profile, step, completedAt });
    return;
  }
  const completedAt = new Date(profile.createdAt.getTime() - DAY_MS);
  for (const step of ['BASICS', 'EXPERIENCE', 'SKILLS', 'LANGUAGES'] as const) {
    em.create(OnboardingStepSchema, { profile, step, completedAt });
  }
  em.create(OnboardingStepSchema, {
    profile,
    step: 'PREFERENCES',
    draft: { preferences: { desiredTitles: ['Research intern in NLP'], sectors: state.preferences.sectors } },
    draftSavedAt: completedAt,
  });
}

export async function seedDemoData(em: EntityManager): Promise<void> {
  // One instant for the whole set, so the listing order (updatedAt desc, then id) is the ids' order.
  const seededAt = new Date();
  const today = calendarDateOf(seededAt);
  const seeded: [Profile, DemoProfile][] = [];
  for (const demo of profiles) seeded.push([await seedProfile(em, demo, today, seededAt), demo]);
  await em.flush();
  for (const [profile, demo] of seeded) {
    const state = await loadProfileState(em, profile);
    // Written around the unit of work, whose update hook would move updatedAt off the common instant.
    await em.nativeUpdate(ProfileSchema, { id: profile.id }, { completion: completionOf(state).percent });
    seedReview(em, profile, demo);
    seedOnboarding(em, profile, demo, state);
    await syncSearchDocument(em, state, seededAt);
  }
  await em.flush();
}
