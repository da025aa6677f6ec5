/**
 * What the app writes into a plan is in the plan's document language (issue
 * 15): a new plan's six onboarding steps and the ready drafts of new
 * communications, with the same merge fields as English so the plan and the
 * mail tool still fill them.
 */
import { describe, expect, it } from 'vitest';
import { draftCommunication } from '../../shared/launch/communication-drafts';
import { fillTemplate, mergeProblems, type MergeValues } from '../../shared/launch/merge-fields';
import { STANDARD_STEPS } from '../../shared/launch/onboarding';
import { createTranslator } from '../../shared/i18n/translator';
import type { Language } from '../../shared/i18n/languages';
import { createBlankPlan } from '../../shared/plan/create';
import type { CommunicationKind } from '../../shared/plan/schema';

const KINDS: CommunicationKind[] = [
  'launchEmail',
  'registrationEmail',
  'onboardingGuide',
  'reminder',
  'other',
];

/** The `{field}` tokens of a text, sorted, each once. */
const tokens = (text: string) => [...new Set(text.match(/\{[^{}]+\}/g) ?? [])].sort();

/** Every plan field with a value, so only unknown names would be problems. */
const values: MergeValues = {
  programName: 'Digital Futures',
  organisation: 'City Library',
  region: 'North',
  launchDate: '1 April 2027',
  pathway: 'Digital basics',
  supportContact: 'help@example.org',
  registrationLink: 'https://example.org/join',
  sendDate: '1 April 2027',
};

/** Bidi isolation marks (FSI, PDI, LRI, RLI) the UI's translator adds in Arabic. */
const BIDI_MARKS = /[\u2066-\u2069]/;

describe('a new plan in another language', () => {
  it('keeps English word for word by default', () => {
    const plan = createBlankPlan('Plan');
    expect(plan.launch.checklist.map((c) => c.label)).toEqual(STANDARD_STEPS.map((s) => s.label));
    expect(draftCommunication('launchEmail', 'c').subject).toBe(
      '{programName} is open: start your first lesson today',
    );
  });

  const cases: [Language, RegExp][] = [
    ['es', /lección/],
    ['ar', /[\u0600-\u06FF]/],
    ['fr', /leçon/],
    ['uk', /[\u0400-\u04FF]/],
  ];

  it.each(cases)('%s: the onboarding steps are in that language', async (lang, script) => {
    const { t } = await createTranslator(lang);
    const plan = createBlankPlan('Plan', new Date('2027-01-01T00:00:00Z'), lang, t);
    const english = createBlankPlan('Plan', new Date('2027-01-01T00:00:00Z'));
    expect(plan.documentLanguage).toBe(lang);
    expect(plan.launch.checklist.map((c) => c.step)).toEqual(STANDARD_STEPS.map((s) => s.step));
    plan.launch.checklist.forEach((item, i) => {
      expect(item.label).not.toBe(english.launch.checklist[i]!.label);
      expect(item.label).not.toMatch(BIDI_MARKS);
      expect(item.due).toEqual(english.launch.checklist[i]!.due);
    });
    expect(plan.launch.checklist.map((c) => c.label).join(' ')).toMatch(script);
  });

  it.each(cases)(
    '%s: the drafts are in that language, with the English merge fields and none unknown',
    async (lang, script) => {
      const { t } = await createTranslator(lang);
      for (const kind of KINDS) {
        const draft = draftCommunication(kind, 'c', t);
        const english = draftCommunication(kind, 'c');
        for (const part of ['title', 'subject', 'body'] as const) {
          expect(draft[part], `${kind} ${part}`).not.toBe(english[part]);
          expect(draft[part]).not.toMatch(BIDI_MARKS);
          expect(tokens(draft[part]), `${kind} ${part}`).toEqual(tokens(english[part]));
        }
        expect(draft.send).toEqual(english.send);
        expect(Boolean(draft.audienceNote)).toBe(Boolean(english.audienceNote));
        const problems = mergeProblems(
          fillTemplate(draft.subject, values),
          fillTemplate(draft.body, values),
        );
        expect(problems, kind).toEqual([]);
      }
      const launch = draftCommunication('launchEmail', 'c', t);
      expect(`${launch.subject}\n${launch.body}`).toMatch(script);
      expect(tokens(launch.body)).toEqual([
        '{firstName}',
        '{pathway}',
        '{programName}',
        '{registrationLink}',
        '{supportContact}',
      ]);
    },
  );
});
