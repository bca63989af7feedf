import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_CRITERIA,
  validateAssessment,
  validateDecision,
  type AssessmentScoreInput,
  type DecisionInput,
} from '../../src/domain/review.ts';
import type { Checked } from '../../src/domain/violations.ts';

const problemsOf = (checked: Checked<unknown>) =>
  checked.ok ? [] : checked.violations.map(({ field, code }) => `${field}:${code}`);
const grid = (score = 4): AssessmentScoreInput[] =>
  ASSESSMENT_CRITERIA.map((criterion) => ({ criterion, score, note: null }));

describe('the assessment grid', () => {
  it('stores every criterion once, in the grid order', () => {
    const checked = validateAssessment([...grid()].reverse());
    expect(checked.ok && checked.value.map((score) => score.criterion)).toEqual([...ASSESSMENT_CRITERIA]);
  });

  it.each<[string, AssessmentScoreInput[], string[]]>([
    ['a missing criterion', grid().slice(1), ['assessment:CRITERIA_MISSING']],
    [
      'a criterion twice',
      [...grid(), { criterion: 'CLARITY', score: 3 }],
      ['assessment.5.criterion:DUPLICATE'],
    ],
    [
      'an unknown criterion',
      [...grid(), { criterion: 'CHARISMA', score: 3 }],
      ['assessment.5.criterion:INVALID_VALUE'],
    ],
    ['a score of 0', [{ ...grid()[0]!, score: 0 }, ...grid().slice(1)], ['assessment.0.score:OUT_OF_RANGE']],
    ['a score of 6', [{ ...grid()[0]!, score: 6 }, ...grid().slice(1)], ['assessment.0.score:OUT_OF_RANGE']],
    [
      'a score of 2 without a note',
      [{ ...grid()[0]!, score: 2 }, ...grid().slice(1)],
      ['assessment.0.note:NOTE_REQUIRED'],
    ],
  ])('refuses %s', (_case, scores, expected) => {
    expect(problemsOf(validateAssessment(scores))).toEqual(expected);
  });
});

describe('decisions', () => {
  const validation: DecisionInput = { assessment: grid(4), comment: 'Welcome' };
  const rejection: DecisionInput = {
    assessment: [{ criterion: 'COMPLETENESS', score: 2, note: 'No experience' }, ...grid(3).slice(1)],
    reasons: ['INCOMPLETE_PROFILE'],
    comment: null,
  };

  it('validates with a grid of at least 3 everywhere, and rejects with reasons', () => {
    expect(problemsOf(validateDecision('VALIDATED', validation))).toEqual([]);
    expect(validateDecision('REJECTED', rejection)).toMatchObject({
      ok: true,
      value: { decision: 'REJECTED', reasons: ['INCOMPLETE_PROFILE'], comment: null },
    });
  });

  it.each<[string, 'VALIDATED' | 'REJECTED', DecisionInput, string[]]>([
    [
      'a validation scored 2 somewhere',
      'VALIDATED',
      { assessment: rejection.assessment },
      ['assessment.0.score:ASSESSMENT_CONTRADICTS_DECISION'],
    ],
    ['a rejection without reason', 'REJECTED', { ...rejection, reasons: [] }, ['reasons:REASON_REQUIRED']],
    [
      'a rejection for OTHER without comment',
      'REJECTED',
      { ...rejection, reasons: ['OTHER'] },
      ['comment:COMMENT_REQUIRED'],
    ],
    ['an unknown reason', 'REJECTED', { ...rejection, reasons: ['BAD_VIBES'] }, ['reasons.0:INVALID_VALUE']],
    [
      'a reason twice',
      'REJECTED',
      { ...rejection, reasons: ['OTHER', 'OTHER'], comment: 'x' },
      ['reasons.1:DUPLICATE'],
    ],
    [
      'a comment of 2,001 characters',
      'VALIDATED',
      { ...validation, comment: 'x'.repeat(2001) },
      ['comment:TOO_LONG'],
    ],
  ])('refuses %s', (_case, decision, input, expected) => {
    expect(problemsOf(validateDecision(decision, input))).toEqual(expected);
  });
});
