/**
 * Merge fields of launch communications (shared/launch/merge-fields.ts):
 * what each plan field is filled with, that a missing value or an unknown
 * name is flagged and never written raw, that learner fields stay for the
 * mail tool, and (fast-check) that filling never loses or invents text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { draftCommunication, COMMUNICATION_KINDS } from '../../shared/launch/communication-drafts';
import {
  FIELD_INFO,
  fillCommunication,
  fillTemplate,
  mergeProblems,
  mergeValues,
  PLAN_FIELDS,
  renderText,
  type MergeValues,
} from '../../shared/launch/merge-fields';
import { createBlankPlan } from '../../shared/plan/create';
import { webAddress } from '../../shared/web-address';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

const sample = samplePlan();
const comm = (plan: Plan, id: string) => plan.launch.communications.find((c) => c.id === id)!;

const FULL: MergeValues = {
  programName: 'Digital Futures',
  organisation: 'Employment Service',
  region: 'Lower Valley',
  launchDate: '1 April 2027',
  pathway: 'IT Support',
  supportContact: 'help@example.org',
  registrationLink: 'https://example.org/join',
  sendDate: '12 April 2027',
};

describe('merge values from the plan', () => {
  it('fills every plan field of the sample from where the docs say', () => {
    const values = mergeValues(sample, comm(sample, 'comm-launch'));
    expect(values).toEqual({
      programName: 'Lower Valley Digital Futures 2027',
      organisation: 'Lower Valley Regional Employment Service',
      region: 'Lower Valley Region',
      launchDate: '1 April 2027',
      pathway: 'IT Support Starter Pathway or Data Analysis Upskilling',
      supportContact: 'the help desk on 021 555 0300 (weekdays 9:00–18:00)',
      registrationLink: 'https://digitalfutures.lowervalley.example.org/join',
      sendDate: '12 April 2027',
    });
  });

  it('writes dates and the list of pathways in the plan’s document language', () => {
    const launch = comm(sample, 'comm-launch');
    const values = (documentLanguage: Plan['documentLanguage']) =>
      mergeValues({ ...sample, documentLanguage }, launch);
    expect(values('es')).toMatchObject({
      launchDate: '1 de abril de 2027',
      pathway: 'IT Support Starter Pathway o Data Analysis Upskilling',
      sendDate: '12 de abril de 2027',
    });
    expect(values('fr').launchDate).toBe('1 avril 2027');
    expect(values('ar').launchDate).toMatch(/^1 \p{Script=Arabic}+ 2027$/u);
  });

  it('takes the pathways aimed at the communication’s segments, or none', () => {
    const graduates = { segmentIds: ['seg-graduates'], send: null };
    expect(mergeValues(sample, graduates).pathway).toBe('Data Analysis Upskilling');
    expect(mergeValues(sample, { segmentIds: ['seg-neet'], send: null }).pathway).toBe(
      'IT Support Starter Pathway',
    );
    expect(mergeValues(sample, { segmentIds: ['no-such'], send: null }).pathway).toBe('');
  });

  it('a send date relative to the launch follows the launch start', () => {
    const plan = structuredClone(sample);
    plan.objective.timeline.launch.start = '2027-05-03';
    expect(mergeValues(plan, comm(plan, 'comm-launch')).sendDate).toBe('14 May 2027');
    expect(mergeValues(plan, comm(plan, 'comm-launch')).launchDate).toBe('3 May 2027');
  });
});

describe('filling a template', () => {
  it('fills plan fields, keeps learner fields for the mail tool, flags the rest', () => {
    const values = { ...FULL, registrationLink: '' };
    const parts = fillTemplate(
      'Hi {firstName}, {programName} opens {launchDate}: {registrationLink} ({first name})',
      values,
    );
    expect(parts).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'learner', field: 'firstName', label: 'first name' },
      { kind: 'text', text: ', ' },
      { kind: 'value', field: 'programName', text: 'Digital Futures' },
      { kind: 'text', text: ' opens ' },
      { kind: 'value', field: 'launchDate', text: '1 April 2027' },
      { kind: 'text', text: ': ' },
      {
        kind: 'missing',
        field: 'registrationLink',
        message: 'Registration link is not set — add it in Launch details',
      },
      { kind: 'text', text: ' (' },
      {
        kind: 'unknown',
        name: 'first name',
        message:
          '“{first name}” is not a merge field — use Insert field, or write it as plain text',
      },
      { kind: 'text', text: ')' },
    ]);
    expect(renderText(parts)).toBe(
      'Hi {firstName}, Digital Futures opens 1 April 2027: [registration link not set] ([first name: not a merge field])',
    );
    expect(renderText(parts, 'placeholder')).toContain('Hi «first name»,');
    expect(mergeProblems(parts).map((p) => p.message)).toEqual([
      'Registration link is not set — add it in Launch details',
      '“{first name}” is not a merge field — use Insert field, or write it as plain text',
    ]);
  });

  it('writes learner fields in the merge syntax of the mail tool that sends the message', () => {
    const parts = fillTemplate('Hi {firstName} {lastName}', FULL);
    expect(renderText(parts, 'mailchimp')).toBe('Hi *|FNAME|* *|LNAME|*');
    expect(renderText(parts, 'brevo')).toBe('Hi {{ contact.FIRSTNAME }} {{ contact.LASTNAME }}');
    expect(renderText(parts, 'token')).toBe('Hi {firstName} {lastName}');
    expect(renderText(parts, 'placeholder')).toBe('Hi «first name» «last name»');
  });

  it('a registration link that is not a web address is never sent, and says why', () => {
    for (const link of ['javascript:alert(1)', 'www.example.org/join', 'file:///C:/join.html']) {
      const parts = fillTemplate('Register: {registrationLink}', {
        ...FULL,
        registrationLink: link,
      });
      expect(renderText(parts)).toBe('Register: [registration link not a web address]');
      expect(mergeProblems(parts).map((p) => p.message)).toEqual([
        'Registration link is not a web address (https://…) — correct it in Launch details',
      ]);
    }
  });

  it('the sample’s communications use only fields the plan fills', () => {
    for (const c of sample.launch.communications) {
      const filled = fillCommunication(sample, c);
      expect(filled.problems, c.title).toEqual([]);
      expect(renderText(filled.body)).not.toMatch(/\{(?!firstName\}|lastName\})/);
    }
  });

  it('every draft of a new plan flags what the plan does not say yet, in words', () => {
    const plan = createBlankPlan('New plan');
    const launch = fillCommunication(plan, draftCommunication('launchEmail', 'c1'));
    expect(launch.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([
        'Program name is not set — add it in Objective',
        'Registration link is not set — add it in Launch details',
        'Support contact is not set — add it in Launch details',
      ]),
    );
    for (const { kind } of COMMUNICATION_KINDS) {
      const filled = fillCommunication(plan, draftCommunication(kind, 'c'));
      expect(filled.problems.every((p) => p.kind === 'missing')).toBe(true);
      for (const text of [renderText(filled.subject), renderText(filled.body)])
        for (const field of PLAN_FIELDS) expect(text).not.toContain(`{${field}}`);
    }
  });

  it('documents every field with a source', () => {
    expect(FIELD_INFO.map((f) => f.name).sort()).toEqual(
      [...PLAN_FIELDS, 'firstName', 'lastName'].sort(),
    );
    for (const f of FIELD_INFO) expect(f.source.length).toBeGreaterThan(5);
  });
});

describe('filling, property-based', () => {
  const fieldName = fc.constantFrom(
    ...PLAN_FIELDS,
    'firstName',
    'lastName',
    'first name',
    'link',
    'PROGRAMNAME',
  );
  const piece = fc.oneof(
    fc.string({ maxLength: 12 }).map((s) => s.replace(/[{}]/g, '')),
    fieldName.map((n) => `{${n}}`),
    fc.constantFrom('{', '}', '{}', '{{programName}}', '{a\nb}'),
  );
  const template = fc.array(piece, { maxLength: 12 }).map((a) => a.join(''));
  const values = fc.record(
    Object.fromEntries(
      PLAN_FIELDS.map((f) => [
        f,
        fc.oneof(
          fc.constant(''),
          fc.string({ minLength: 1, maxLength: 8 }).map((s) => s.replace(/[{}]/g, '') || 'x'),
        ),
      ]),
    ) as Record<keyof MergeValues, fc.Arbitrary<string>>,
  ) as fc.Arbitrary<MergeValues>;

  it('the parts spell the template back when each field is put back as typed', () => {
    fc.assert(
      fc.property(template, values, (t, v) => {
        const back = fillTemplate(t, v)
          .map((p) =>
            p.kind === 'text' ? p.text : p.kind === 'unknown' ? `{${p.name}}` : `{${p.field}}`,
          )
          .join('');
        expect(back).toBe(t);
      }),
    );
  });

  it('an export never holds a plan field raw, and a value is filled exactly when set', () => {
    fc.assert(
      fc.property(template, values, (t, v) => {
        const parts = fillTemplate(t, v);
        for (const p of parts) {
          if (p.kind === 'value') expect(v[p.field]).toBe(p.text);
          // Missing: no value, or (invalid) a registration link that is not a web address.
          if (p.kind === 'missing' && p.invalid) expect(webAddress(v[p.field])).toBeNull();
          else if (p.kind === 'missing') expect(v[p.field]).toBe('');
        }
        const text = renderText(
          parts.filter((p) => p.kind !== 'text'),
          'placeholder',
        );
        expect(text).not.toMatch(/\{[^{}\r\n]{1,60}\}/);
      }),
    );
  });
});
