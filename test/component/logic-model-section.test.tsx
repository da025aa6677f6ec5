/** The logic-model editor and the health section in jsdom: lanes, keyboard moves, tracing, findings. */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { HealthSection } from '../../renderer/src/features/health/HealthSection';
import { LogicModelSection } from '../../renderer/src/features/logic-model/LogicModelSection';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';

/** A store on the sample plan, changed first by `prepare` (a broken plan no command would make). */
function sampleStore(prepare?: (draft: Plan) => void) {
  const text = readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      'resources',
      'sample-plans',
      'youth-digital-skills.upskill.json',
    ),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  const plan = prepare ? produce(result.plan, prepare) : result.plan;
  return createPlanStore(plan, { write: async () => 1, describeError: String });
}

const cardButton = (title: RegExp) =>
  screen.getAllByRole('button', { name: title }).find((b) => b.classList.contains('lm-card-main'))!;

describe('LogicModelSection', () => {
  it('shows every lane with its items in order', () => {
    const store = sampleStore();
    render(
      <PlanStoreProvider value={store}>
        <LogicModelSection />
      </PlanStoreProvider>,
    );
    for (const lane of ['Inputs', 'Activities', 'Outputs', 'Short-term outcomes', 'Assumptions'])
      expect(screen.getByRole('heading', { name: new RegExp(`^${lane}`) })).toBeTruthy();
    const activities = screen.getByRole('list', { name: /^Activities/ });
    expect(within(activities).getAllByRole('listitem')).toHaveLength(5);
  });

  it('moves an item with Alt+arrows as one undo step each, and selects on click', () => {
    const store = sampleStore();
    render(
      <PlanStoreProvider value={store}>
        <LogicModelSection />
      </PlanStoreProvider>,
    );
    const provide = cardButton(/^Provide learner support/);
    fireEvent.keyDown(provide, { key: 'ArrowUp', altKey: true });
    const order = () =>
      store
        .getState()
        .history.present.logicModel.items.filter((i) => i.lane === 'activity')
        .sort((a, b) => a.order - b.order)
        .map((i) => i.id);
    expect(order().indexOf('lm-act-support')).toBe(2);
    fireEvent.keyDown(cardButton(/^Provide learner support/), { key: 'ArrowRight', altKey: true });
    expect(
      store.getState().history.present.logicModel.items.find((i) => i.id === 'lm-act-support')
        ?.lane,
    ).toBe('output');
    expect(
      store
        .getState()
        .history.past.map((s) => s.action)
        .slice(-2),
    ).toEqual(['Move item up', 'Move to outputs']);
    act(() => store.getState().undo());
    fireEvent.click(cardButton(/^Provide learner support/));
    const panel = screen.getByRole('complementary', { name: /Details of activity/ });
    expect(within(panel).getByLabelText('Title')).toHaveProperty(
      'value',
      'Provide learner support',
    );
  });

  it('traces an outcome to the theory of change from the panel', () => {
    const store = sampleStore();
    render(
      <PlanStoreProvider value={store}>
        <LogicModelSection />
      </PlanStoreProvider>,
    );
    fireEvent.click(cardButton(/^60 employers recruit/));
    const select = screen.getByLabelText('Theory-of-change outcome') as HTMLSelectElement;
    expect(select.value).toBe('toc-out-hiring-practice');
    fireEvent.change(select, { target: { value: '' } });
    expect(
      store.getState().history.present.logicModel.items.find((i) => i.id === 'lm-imo-employers')
        ?.tocOutcomeId,
    ).toBeNull();
    expect(store.getState().history.past.at(-1)?.action).toBe('Unlink from theory of change');
  });
});

describe('HealthSection', () => {
  it('lists findings by severity and area, and repairs a broken reference in one click', async () => {
    const store = sampleStore((d) => {
      d.logicModel.links.push({ id: 'broken', source: 'lm-in-team', target: 'gone' });
      // And a warning: an outcome loses its only indicator.
      d.indicators = d.indicators.filter((i) => !i.subjectIds.includes('toc-out-sustained'));
      for (const kpi of d.manage.kpis)
        if (kpi.indicatorId === 'ind-retention-12m') kpi.indicatorId = null;
    });
    render(
      <PlanStoreProvider value={store}>
        <HealthSection />
      </PlanStoreProvider>,
    );
    expect(screen.getByRole('heading', { name: /^Errors/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Warnings/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/1 error.*\d+ warnings?.*0 suggestions/);
    fireEvent.click(screen.getByRole('button', { name: 'Remove the arrow' }));
    expect(store.getState().history.present.logicModel.links.some((l) => l.id === 'broken')).toBe(
      false,
    );
    // Health catches up once edits pause (useSettledPlan), as it does for a person.
    await waitFor(() => expect(screen.queryByRole('heading', { name: /^Errors/ })).toBeNull());
    expect(screen.getAllByRole('button', { name: /has no indicator/ }).length).toBeGreaterThan(0);
  });
});
