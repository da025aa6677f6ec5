/**
 * What the app writes into a plan is in the plan's document language (issue
 * 15), beyond the launch seeds (launch-seeds-language.test.ts): suggested
 * engagement activities and follow-up rules, a blank activity's title, a new
 * plan's name and file name, and the default names of cohorts and versions.
 * Merge fields stay the English tokens; English is word for word as before.
 */
import { describe, expect, it } from 'vitest';
import { englishTranslator } from '../../shared/i18n/english';
import type { Language } from '../../shared/i18n/languages';
import { createTranslator } from '../../shared/i18n/translator';
import { fillFollowUp } from '../../shared/manage/follow-up-export';
import {
  activityFrom,
  engagementSuggestions,
  ENGAGEMENT_SUGGESTIONS,
  followUpSuggestions,
  FOLLOW_UP_SUGGESTIONS,
  ruleFrom,
} from '../../shared/manage/engagement-suggestions';
import { createBlankPlan } from '../../shared/plan/create';
import { planFileName } from '../../shared/plan/plan-file';

/** The `{field}` tokens of a text, sorted, each once. */
const tokens = (text: string) => [...new Set(text.match(/\{[^{}]+\}/g) ?? [])].sort();

const BIDI_MARKS = /[\u2066-\u2069\u200e\u200f]/;

const cases: [Exclude<Language, 'en'>, RegExp][] = [
  ['es', /[áéíóúñ¿¡]|\bNuev[oa]\b/],
  ['ar', /[\u0600-\u06FF]/],
  ['fr', /[éèêàç’]/],
  ['uk', /[\u0400-\u04FF]/],
];

/** "Untitled plan", "Cohort 3" and "Version 2" in each language. */
const DEFAULT_NAMES: Record<
  Exclude<Language, 'en'>,
  { plan: string; cohort: string; version: string }
> = {
  es: { plan: 'Plan sin título', cohort: 'Cohorte 3', version: 'Versión 2' },
  fr: { plan: 'Plan sans titre', cohort: 'Cohorte 3', version: 'Version 2' },
  ar: { plan: 'خطة بلا عنوان', cohort: 'الدفعة 3', version: 'الإصدار 2' },
  uk: { plan: 'План без назви', cohort: 'Когорта 3', version: 'Версія 2' },
};

describe('engagement suggestions in English', () => {
  it('are word for word as before', () => {
    const hall = ENGAGEMENT_SUGGESTIONS.find((s) => s.key === 'studyHall')!;
    expect(hall).toEqual({
      kind: 'community',
      key: 'studyHall',
      title: 'Virtual study hall',
      description:
        'An open video room where learners study side by side for an hour, with a short check-in at the start and the end.',
      cadence: 'Weekly, 90 minutes',
    });
    expect(FOLLOW_UP_SUGGESTIONS.map((r) => [r.name, r.message])).toEqual([
      [
        'Not started after a week',
        'Hi {firstName}, your place in {programName} is ready and waiting. Starting takes five minutes: open your first course on {pathway} today. Questions? Write to {supportContact}.',
      ],
      [
        'Quiet for two weeks',
        'Hi {firstName}, we miss you in {programName}. Pick up where you left off — even 20 minutes counts. Need help? {supportContact}',
      ],
      [
        'Behind pace after a month',
        'Hi {firstName}, you have made a start on {pathway} — well done. A short plan helps: book a coaching call or join the study hall this week. Contact {supportContact}.',
      ],
    ]);
    expect(activityFrom({ kind: 'wraparound' }, 'e').title).toBe('New wraparound service');
    expect(activityFrom({ kind: 'workshop' }, 'e', englishTranslator).title).toBe('New workshop');
  });
});

describe.each(cases)('%s plan', (lang, script) => {
  it('gets suggested activities in its language, the same kinds in the same order', async () => {
    const { t } = await createTranslator(lang);
    const worded = engagementSuggestions(t);
    expect(worded.map((s) => [s.key, s.kind])).toEqual(
      ENGAGEMENT_SUGGESTIONS.map((s) => [s.key, s.kind]),
    );
    worded.forEach((s, i) => {
      const english = ENGAGEMENT_SUGGESTIONS[i]!;
      for (const part of ['title', 'description', 'cadence'] as const) {
        expect(s[part], `${s.key} ${part}`).not.toBe(english[part]);
        expect(s[part]).not.toBe('');
        expect(s[part]).not.toMatch(BIDI_MARKS);
      }
    });
    expect(worded.map((s) => s.description).join(' ')).toMatch(script);
    const added = activityFrom(worded[1]!, 'eng-1');
    expect(added.title).toBe(worded[1]!.title);
    expect(added.cadence).toBe(worded[1]!.cadence);
    const kinds = ['community', 'monitoring', 'workshop', 'wraparound'] as const;
    const blanks = kinds.map((kind) => activityFrom({ kind }, 'e', t).title);
    blanks.forEach((title, i) =>
      expect(title).not.toBe(activityFrom({ kind: kinds[i]! }, 'e').title),
    );
    expect(blanks.join(' ')).toMatch(script);
  });

  it('gets suggested follow-up rules named and worded in its language, with the English merge fields', async () => {
    const { t } = await createTranslator(lang);
    const rules = followUpSuggestions(t);
    const plan = createBlankPlan('Plan', new Date('2027-01-01T00:00:00Z'), lang, t);
    rules.forEach((rule, i) => {
      const english = FOLLOW_UP_SUGGESTIONS[i]!;
      expect({ ...rule, name: '', message: '' }).toEqual({ ...english, name: '', message: '' });
      expect(rule.name).not.toBe(english.name);
      expect(rule.message).not.toBe(english.message);
      expect(rule.message).toMatch(script);
      expect(rule.message).not.toMatch(BIDI_MARKS);
      expect(tokens(rule.message), rule.trigger).toEqual(tokens(english.message));
      // Only problems of plan fields left empty in a blank plan: no unknown field.
      const filled = fillFollowUp(plan, ruleFrom(rule, 'fu'), '2027-02-01');
      expect(filled.problems.filter((p) => p.kind === 'unknown')).toEqual([]);
    });
  });

  it('is named, and saved under a file name, in its language', async () => {
    const { t } = await createTranslator(lang);
    const name = t('document:cover.untitledPlan');
    expect(name).toBe(DEFAULT_NAMES[lang].plan);
    expect(planFileName('', name)).toBe(`${name}.upskill.json`);
    expect(planFileName('CON', name)).toBe(`${name}.upskill.json`);
  });

  it('names a new cohort and version in its language, without bidi marks', async () => {
    const { t } = await createTranslator(lang);
    expect(t('reviews:cohorts.defaultName', { number: 3 })).toBe(DEFAULT_NAMES[lang].cohort);
    expect(t('reviews:iterate.versionName', { number: 2 })).toBe(DEFAULT_NAMES[lang].version);
    const named = t('reviews:iterate.versionNamed', { number: 2, name: 'Autumn pilot' });
    expect(named).toBe(`${DEFAULT_NAMES[lang].version} — Autumn pilot`);
  });
});

describe('English plan', () => {
  it('keeps the English names and file name', () => {
    const t = englishTranslator;
    expect(t('document:cover.untitledPlan')).toBe('Untitled plan');
    expect(planFileName('')).toBe('Untitled plan.upskill.json');
    expect(t('reviews:cohorts.defaultName', { number: 3 })).toBe('Cohort 3');
    expect(t('reviews:iterate.versionName', { number: 2 })).toBe('Version 2');
  });
});
