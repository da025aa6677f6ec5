/**
 * The language a plan's text is declared in (`objective.language`, which Word
 * and Excel files carry for spelling and screen readers) agrees with the
 * language its documents are written in (issue 15): a new Spanish plan is
 * declared Spanish, and changing the document language carries the text's
 * declaration along unless the planner chose it apart.
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type CommandOutcome } from '../../shared/commands/command';
import { setDocumentLanguage } from '../../shared/commands/objective';
import { LANGUAGES, primarySubtag } from '../../shared/i18n/languages';
import { createBlankPlan } from '../../shared/plan/create';
import type { Plan } from '../../shared/plan/schema';

const planOf = (outcome: CommandOutcome): Plan => {
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
};

describe('the plan text’s language', () => {
  it('is the document language’s in a new plan', () => {
    expect(createBlankPlan('x').objective.language).toBe('en-GB');
    for (const language of LANGUAGES)
      expect(primarySubtag(createBlankPlan('x', new Date(), language).objective.language)).toBe(
        language,
      );
    expect(createBlankPlan('x', new Date(), 'uk').objective.language).toBe('uk-UA');
  });

  it('follows the document language when it agreed with it, regional variant and all', () => {
    const english = createBlankPlan('x');
    const spanish = planOf(runCommand(english, setDocumentLanguage({ language: 'es' })));
    expect([spanish.documentLanguage, spanish.objective.language]).toEqual(['es', 'es-ES']);
    const american = { ...english, objective: { ...english.objective, language: 'en-US' } };
    expect(
      planOf(runCommand(american, setDocumentLanguage({ language: 'ar' }))).objective.language,
    ).toBe('ar');
  });

  it('stays when the planner declared another language than the documents’', () => {
    const german = createBlankPlan('x');
    german.objective.language = 'de-DE';
    const next = planOf(runCommand(german, setDocumentLanguage({ language: 'fr' })));
    expect([next.documentLanguage, next.objective.language]).toEqual(['fr', 'de-DE']);
  });
});
