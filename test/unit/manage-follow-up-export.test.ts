/**
 * A follow-up rule's message filled from the plan, and today's list as CSV
 * for the mail or SMS tool (shared/manage/follow-up-export.ts).
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  fillFollowUp,
  followUpCsv,
  followUpCsvChunks,
  splitName,
  unknownFields,
} from '../../shared/manage/follow-up-export';
import { followUpList } from '../../shared/manage/follow-ups';
import { FOLLOW_UP_SUGGESTIONS, ruleFrom } from '../../shared/manage/engagement-suggestions';
import type { RosterLearner } from '../../shared/manage/roster';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const sample = samplePlan();

function learner(over: Partial<RosterLearner> & { key: string }): RosterLearner {
  return {
    learnerId: '',
    email: `${over.key}@example.org`,
    name: '',
    segmentId: null,
    cohortId: null,
    pathwayId: null,
    invited: null,
    registered: null,
    enrolled: null,
    completed: null,
    lastActivity: null,
    coursesEnrolled: 0,
    coursesCompleted: 0,
    hours: 0,
    skillScores: {},
    jobOutcome: 'none',
    topLearner: false,
    firstSeen: '2027-01-01',
    updated: '2027-01-01',
    ...over,
  };
}

function withRules(plan: Plan, rules: Plan['manage']['followUps']): Plan {
  return { ...plan, manage: { ...plan.manage, followUps: rules } };
}

describe('follow-up messages', () => {
  it('fill plan fields, keep learner fields for the mail tool, flag what the plan lacks', () => {
    const rule = ruleFrom(FOLLOW_UP_SUGGESTIONS[0]!, 'fu-1');
    const filled = fillFollowUp(sample, rule, '2027-05-01');
    const kinds = filled.parts.map((p) => p.kind);
    expect(kinds).toContain('learner');
    expect(kinds).toContain('value');
    const blank: Plan = {
      ...sample,
      objective: { ...sample.objective, programName: '' },
      launch: { ...sample.launch, details: { ...sample.launch.details, supportContact: '' } },
    };
    const problems = fillFollowUp(blank, rule, '2027-05-01').problems.map((p) => p.name);
    expect(problems).toEqual(['programName', 'supportContact']);
  });

  it('find names that are not merge fields', () => {
    const rule = {
      ...ruleFrom(FOLLOW_UP_SUGGESTIONS[0]!, 'fu-1'),
      message: 'Hi {first name}, {x}',
    };
    expect(unknownFields(rule)).toEqual(['first name', 'x']);
  });

  it('split a full name into first and last', () => {
    expect(splitName('  Ana María  López ')).toEqual({ first: 'Ana', last: 'María López' });
    expect(splitName('')).toEqual({ first: '', last: '' });
  });
});

describe("today's list as CSV", () => {
  const roster = [
    learner({
      key: 'a',
      name: 'Learner 00001',
      registered: '2027-03-01',
      learnerId: 'P1',
      segmentId: sample.learners[0]!.id,
    }),
    learner({
      key: 'b',
      name: '=Danger Name',
      registered: '2027-02-01',
      lastActivity: '2027-03-01',
      hours: 3,
    }),
    learner({ key: 'c', name: 'Learner 00003', registered: '2027-03-14' }),
  ];
  const rules = [
    { ...ruleFrom(FOLLOW_UP_SUGGESTIONS[0]!, 'fu-e'), afterDays: 7 },
    { ...ruleFrom(FOLLOW_UP_SUGGESTIONS[1]!, 'fu-s'), afterDays: 14, channel: 'sms' as const },
  ];
  const plan = withRules(sample, rules);
  const list = followUpList(plan, roster, '2027-03-15');

  it('writes an e-mail list with the mail tool’s merge syntax, read back by a CSV reader', () => {
    const csv = followUpCsv(plan, list, roster, { rule: 0, style: 'mailchimp' });
    expect(csv.startsWith('\ufeff')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(csv.slice(1), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(1);
    // Only what the mail tool needs: no learner id, segment, rule, why or days.
    expect(Object.keys(rows[0]!)).toEqual(['Email', 'First name', 'Last name', 'Message']);
    expect(rows[0]).toMatchObject({
      Email: 'a@example.org',
      'First name': 'Learner',
      'Last name': '00001',
    });
    expect(csv).not.toContain(sample.learners[0]!.name);
    expect(csv).not.toContain('P1');
    expect(csv).not.toContain('Registered 14 days ago');
    expect(rows[0]!.Message).toContain('*|FNAME|*');
    expect(rows[0]!.Message).not.toContain('{programName}');
  });

  it('puts the phone column first for a text-message rule and guards formula-looking cells', () => {
    const csv = followUpCsv(plan, list, roster, { rule: 1, style: 'token' });
    const [header, line] = csv.slice(1).split('\r\n');
    expect(header).toBe('Phone,Email,First name,Last name,Message');
    expect(line).toContain("'=Danger");
    expect(line).toContain('{firstName}');
  });

  it('every rule at once, in chunks that join to the whole file', () => {
    const whole = followUpCsv(plan, list, roster, { rule: null, style: 'brevo' });
    const chunks = [...followUpCsvChunks(plan, list, roster, { rule: null, style: 'brevo' }, 1)];
    expect(chunks.length).toBe(1 + list.length);
    expect(chunks.join('')).toBe(whole);
    expect(whole.trim().split('\r\n')).toHaveLength(1 + list.length);
  });
});
