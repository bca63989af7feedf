import { isProblem, multilineText } from './fields.ts';
import { accepted, refused, violation, type Checked, type Violation } from './violations.ts';

/**
 * The assessment grid moderators fill in for every decision, and the reasons given to the person when a
 * profile is rejected. Stored with the decision, so the platform can later explain and audit each one.
 *
 * Each criterion is scored on a 1–5 scale:
 *
 * | score | meaning      |
 * | ----: | ------------ |
 * |     1 | insufficient |
 * |     2 | weak         |
 * |     3 | acceptable   |
 * |     4 | good         |
 * |     5 | excellent    |
 *
 * Every criterion is scored exactly once; a score of 2 or less needs a note saying what is wrong, and a
 * profile is validated only when no criterion is scored below 3 (the grid and the decision agree).
 */
export const ASSESSMENT_CRITERIA = [
  /** Every part a recruiter needs is filled in, with enough detail. */
  'COMPLETENESS',
  /** Headline, summary and descriptions say clearly what the person does and wants. */
  'CLARITY',
  /** Dates, titles and organizations are consistent and plausible. */
  'EXPERIENCE_CREDIBILITY',
  /** The listed skills and levels are backed by experiences, education or certifications. */
  'SKILLS_EVIDENCE',
  /** Respectful, professional content, no contact details or advertising in free text. */
  'PROFESSIONALISM',
] as const;
export type AssessmentCriterion = (typeof ASSESSMENT_CRITERIA)[number];

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** The lowest score of every criterion of a validated profile. */
export const VALIDATION_MIN_SCORE = 3;
/** Scores at or below this one need a note. */
export const NOTE_REQUIRED_AT_OR_BELOW = 2;
export const NOTE_MAX_LENGTH = 1_000;
export const COMMENT_MAX_LENGTH = 2_000;

/** Why a profile is rejected, as codes the person's notification explains in their language. */
export const REJECTION_REASONS = [
  'INCOMPLETE_PROFILE',
  'UNCLEAR_DESCRIPTION',
  'UNVERIFIABLE_EXPERIENCE',
  'INSUFFICIENT_SKILLS_EVIDENCE',
  'INAPPROPRIATE_CONTENT',
  'CONTACT_DETAILS_IN_TEXT',
  'DUPLICATE_PROFILE',
  'OTHER',
] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface AssessmentScoreInput {
  readonly criterion: string;
  readonly score: number;
  readonly note?: string | null;
}

export interface AssessmentScore {
  readonly criterion: AssessmentCriterion;
  readonly score: number;
  readonly note: string | null;
}

export function validateAssessment(scores: readonly AssessmentScoreInput[]): Checked<AssessmentScore[]> {
  const problems: Violation[] = [];
  const byCriterion = new Map<AssessmentCriterion, AssessmentScore>();
  scores.forEach((input, index) => {
    const field = `assessment.${index}`;
    if (!(ASSESSMENT_CRITERIA as readonly string[]).includes(input.criterion)) {
      problems.push(
        violation(`${field}.criterion`, 'INVALID_VALUE', `"${input.criterion}" is not a criterion`),
      );
      return;
    }
    const criterion = input.criterion as AssessmentCriterion;
    if (byCriterion.has(criterion)) {
      problems.push(violation(`${field}.criterion`, 'DUPLICATE', `${criterion} is scored twice`));
      return;
    }
    if (!Number.isInteger(input.score) || input.score < MIN_SCORE || input.score > MAX_SCORE) {
      problems.push(
        violation(
          `${field}.score`,
          'OUT_OF_RANGE',
          `must be a whole number from ${MIN_SCORE} to ${MAX_SCORE}`,
        ),
      );
      return;
    }
    let note: string | null = null;
    if (input.note != null) {
      const checked = multilineText(`${field}.note`, input.note, NOTE_MAX_LENGTH);
      if (isProblem(checked)) {
        problems.push(checked.problem);
        return;
      }
      note = checked.value === '' ? null : checked.value;
    }
    if (note === null && input.score <= NOTE_REQUIRED_AT_OR_BELOW) {
      problems.push(
        violation(`${field}.note`, 'NOTE_REQUIRED', `a score of ${input.score} needs a note saying why`),
      );
      return;
    }
    byCriterion.set(criterion, { criterion, score: input.score, note });
  });
  const missing = ASSESSMENT_CRITERIA.filter((criterion) => !byCriterion.has(criterion));
  if (problems.length === 0 && missing.length > 0) {
    problems.push(
      violation('assessment', 'CRITERIA_MISSING', `score every criterion; missing: ${missing.join(', ')}`),
    );
  }
  if (problems.length > 0) return refused(problems);
  return accepted(ASSESSMENT_CRITERIA.map((criterion) => byCriterion.get(criterion)!));
}

export interface Decision {
  readonly decision: 'VALIDATED' | 'REJECTED';
  readonly assessment: AssessmentScore[];
  readonly reasons: RejectionReason[];
  readonly comment: string | null;
}

export interface DecisionInput {
  readonly assessment: readonly AssessmentScoreInput[];
  readonly reasons?: readonly string[] | null;
  readonly comment?: string | null;
}

/**
 * A moderator's decision, checked whole: a complete grid, which must agree with a validation; for a
 * rejection at least one reason, and a comment when the reason is OTHER (the person must learn what to
 * fix).
 */
export function validateDecision(
  decision: 'VALIDATED' | 'REJECTED',
  input: DecisionInput,
): Checked<Decision> {
  const problems: Violation[] = [];
  const assessment = validateAssessment(input.assessment);
  if (!assessment.ok) problems.push(...assessment.violations);
  let comment: string | null = null;
  if (input.comment != null) {
    const checked = multilineText('comment', input.comment, COMMENT_MAX_LENGTH);
    if (isProblem(checked)) problems.push(checked.problem);
    else comment = checked.value === '' ? null : checked.value;
  }
  const reasons: RejectionReason[] = [];
  if (decision === 'REJECTED') {
    const given = input.reasons ?? [];
    given.forEach((reason, index) => {
      if (!(REJECTION_REASONS as readonly string[]).includes(reason)) {
        problems.push(
          violation(`reasons.${index}`, 'INVALID_VALUE', `"${reason}" is not a rejection reason`),
        );
      } else if (reasons.includes(reason as RejectionReason)) {
        problems.push(violation(`reasons.${index}`, 'DUPLICATE', `${reason} is given twice`));
      } else reasons.push(reason as RejectionReason);
    });
    if (given.length === 0)
      problems.push(violation('reasons', 'REASON_REQUIRED', 'give at least one reason'));
    if (reasons.includes('OTHER') && comment === null) {
      problems.push(
        violation('comment', 'COMMENT_REQUIRED', 'the reason OTHER needs a comment saying what to fix'),
      );
    }
  }
  if (assessment.ok && decision === 'VALIDATED') {
    for (const score of assessment.value) {
      if (score.score < VALIDATION_MIN_SCORE) {
        const index = input.assessment.findIndex((given) => given.criterion === score.criterion);
        problems.push(
          violation(
            `assessment.${index}.score`,
            'ASSESSMENT_CONTRADICTS_DECISION',
            `${score.criterion} is scored ${score.score}: a validated profile scores at least ${VALIDATION_MIN_SCORE} on every criterion`,
          ),
        );
      }
    }
  }
  if (problems.length > 0 || !assessment.ok) return refused(problems);
  return accepted({ decision, assessment: assessment.value, reasons, comment });
}
