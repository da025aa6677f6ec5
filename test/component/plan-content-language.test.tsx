/**
 * What the planner adds to a plan is written in the plan's document language,
 * while the UI around it stays in the UI language (issue 15): an English UI
 * on a Spanish plan offers English suggestions and adds Spanish activities,
 * follow-up rules, cohorts and version names, with no bidi marks.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { EngagementSection } from '../../renderer/src/features/manage-engagement/EngagementSection';
import { CohortsPanel } from '../../renderer/src/features/manage-reviews/CohortsPanel';
import { IterationPanel } from '../../renderer/src/features/manage-reviews/IterationPanel';
import { InvitationsSection } from '../../renderer/src/features/launch-invitations/InvitationsSection';
import { documentTranslator } from '../../renderer/src/i18n/document-translator';
import { PlanStoreProvider, usePlan } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';
import { englishTranslator } from '../../shared/i18n/english';
import type { Language } from '../../shared/i18n/languages';
import { createBlankPlan } from '../../shared/plan/create';

// Today's follow-ups read the local roster database; not what is tested here.
vi.mock('../../renderer/src/features/manage-engagement/FollowUpsToday', () => ({
  FollowUpsToday: ({ children }: { children?: ReactNode }) => <>{children}</>,
}));

// jsdom has no CSS.escape (the section focuses the added item by its id).
globalThis.CSS ??= { escape: (id: string) => id } as unknown as typeof CSS;

const BIDI_MARKS = /[\u2066-\u2069\u200e\u200f]/;

function setup(documentLanguage: Language, ui: (plan: ReturnType<typeof usePlanAll>) => ReactNode) {
  const plan = createBlankPlan('Plan', new Date('2027-01-01T00:00:00Z'), documentLanguage);
  const store = createPlanStore(plan, { write: async () => 1, describeError: String });
  function Live() {
    return <>{ui(usePlanAll())}</>;
  }
  render(
    <PlanStoreProvider value={store}>
      <Live />
    </PlanStoreProvider>,
  );
  return { present: () => store.getState().history.present };
}

function usePlanAll() {
  return usePlan((p) => p);
}

describe('plan content in the document language', () => {
  it('adds a Spanish activity and rule from suggestions offered in English', async () => {
    const { present } = setup('es', () => <EngagementSection />);
    // Offered in the UI language.
    expect(
      screen.getByRole('option', {
        name: 'Cohort chat group (Always open; moderator checks in daily)',
      }),
    ).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add activity' }));
    await waitFor(() => expect(present().manage.engagement).toHaveLength(1));
    const activity = present().manage.engagement[0]!;
    expect(activity.title).toBe('Grupo de chat de la cohorte');
    expect(activity.cadence).toBe('Siempre abierto; el moderador lo revisa a diario');

    fireEvent.click(screen.getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(present().manage.followUps).toHaveLength(1));
    const rule = present().manage.followUps[0]!;
    expect(rule.name).toBe('Sin empezar tras una semana');
    expect(rule.message).toMatch(/^Hola, \{firstName\}: tu plaza en \{programName\}/);
    expect(rule.message).not.toMatch(BIDI_MARKS);
  });

  it('names a new cohort “Cohorte 1” in a Spanish plan and “Cohort 1” in an English one', async () => {
    const es = setup('es', (plan) => <CohortsPanel plan={plan} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add cohort' }));
    await waitFor(() =>
      expect(es.present().manage.cohorts.map((c) => c.name)).toEqual(['Cohorte 1']),
    );
  });

  it('names a new invitation wave in the plan’s language, once its catalog is loaded', async () => {
    await documentTranslator('es');
    const { present } = setup('es', () => <InvitationsSection />);
    const before = present().launch.invitations.waves.length;
    fireEvent.click(screen.getByRole('button', { name: 'Add wave' }));
    expect(present().launch.invitations.waves.at(-1)!.name).toBe(`Oleada ${before + 1}`);
  });

  it('keeps English for an English plan', async () => {
    const en = setup('en', (plan) => <CohortsPanel plan={plan} />);
    fireEvent.click(screen.getByRole('button', { name: 'Add cohort' }));
    await waitFor(() =>
      expect(en.present().manage.cohorts.map((c) => c.name)).toEqual(['Cohort 1']),
    );
    expect(await documentTranslator('en')).toBe(englishTranslator);
  });

  it('prefills the version names in the plan’s language (Arabic), without bidi marks', async () => {
    setup('ar', (plan) => <IterationPanel plan={plan} onOpen={() => {}} />);
    const kept = screen.getByRole<HTMLInputElement>('textbox', { name: 'Keep this version as' });
    const next = screen.getByRole<HTMLInputElement>('textbox', {
      name: 'Name of the next version',
    });
    await waitFor(() => expect(next.value).toBe('الإصدار 2'));
    expect(kept.value).toBe('الإصدار 1');
    // A name the planner types is kept as typed.
    fireEvent.change(next, { target: { value: 'Autumn pilot' } });
    expect(next.value).toBe('Autumn pilot');
    expect(await documentTranslator('ar')).toBe(await documentTranslator('ar'));
  });
});
