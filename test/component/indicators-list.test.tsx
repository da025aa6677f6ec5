/** IndicatorList: add, edit every field, remove, undo — against a real plan store. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { arrowKind, arrowPaths } from '../../renderer/src/features/logic-model/arrows';
import { IndicatorList } from '../../renderer/src/features/indicators/IndicatorList';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';
import { createBlankPlan } from '../../shared/plan/create';
import { typeDate } from './date-helpers';
import { LearnerSegment } from '../../shared/plan/schema';

function setup() {
  const plan = createBlankPlan('Test');
  plan.learners = [
    LearnerSegment.parse({ id: 'seg-a', name: 'Young parents' }),
    LearnerSegment.parse({ id: 'seg-b', name: 'Graduates' }),
  ];
  plan.indicators = [
    {
      id: 'existing',
      subjectId: 'other-outcome',
      name: 'Not mine',
      unit: '',
      baseline: { value: null, date: null },
      target: { value: null, date: null },
      dataSource: '',
      frequency: null,
      owner: '',
      disaggregation: [],
    },
  ];
  const store = createPlanStore(plan, { write: async () => 1, describeError: String });
  render(
    <PlanStoreProvider value={store}>
      <IndicatorList subjectId="outcome-1" subjectTitle="Learners find jobs" />
    </PlanStoreProvider>,
  );
  const mine = () =>
    store.getState().history.present.indicators.filter((i) => i.subjectId === 'outcome-1');
  return { store, mine };
}

describe('IndicatorList', () => {
  it('lists only its subject’s indicators and invites adding one', () => {
    setup();
    expect(screen.getByRole('heading', { name: /Indicators for Learners find jobs/ })).toBeTruthy();
    expect(screen.queryByText('Not mine')).toBeNull();
    expect(screen.getByText(/No indicator yet/)).toBeTruthy();
  });

  it('adds an indicator, focuses its name, and edits every field', async () => {
    const { store, mine } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add indicator for Learners find jobs' }));
    const form = screen.getByRole('group', { name: 'Indicator: Untitled indicator' });
    const name = within(form).getByLabelText('Indicator name');
    expect(document.activeElement).toBe(name);
    // Typing in one field is one undo step.
    fireEvent.change(name, { target: { value: 'Placed' } });
    fireEvent.change(name, { target: { value: 'Placed in work' } });
    fireEvent.blur(name);
    expect(store.getState().history.past.map((s) => s.action)).toEqual([
      'Add indicator',
      'Edit indicator name',
    ]);
    const group = screen.getByRole('group', { name: 'Indicator: Placed in work' });
    fireEvent.change(within(group).getByLabelText('Unit'), { target: { value: '%' } });
    fireEvent.change(within(group).getByLabelText('Baseline'), { target: { value: '31' } });
    await typeDate(within(group).getByRole('group', { name: 'Baseline date' }), '2025-12-31');
    fireEvent.change(within(group).getByLabelText('Target'), { target: { value: '1,200' } });
    await typeDate(within(group).getByRole('group', { name: 'Target date' }), '2028-06-30');
    fireEvent.change(within(group).getByLabelText('Data source'), {
      target: { value: 'Register' },
    });
    fireEvent.change(within(group).getByLabelText('Owner'), { target: { value: 'M&E officer' } });
    fireEvent.change(within(group).getByLabelText('Frequency'), { target: { value: 'quarterly' } });
    fireEvent.click(within(group).getByRole('checkbox', { name: 'Graduates' }));
    expect(mine()).toEqual([
      {
        id: expect.stringMatching(/^ind-/),
        subjectId: 'outcome-1',
        name: 'Placed in work',
        unit: '%',
        baseline: { value: 31, date: '2025-12-31' },
        target: { value: 1200, date: '2028-06-30' },
        dataSource: 'Register',
        frequency: 'quarterly',
        owner: 'M&E officer',
        disaggregation: ['seg-b'],
      },
    ]);
    // The collapsed row summarises baseline → target with the unit.
    const toggle = screen.getByRole('button', { name: /Placed in work/, expanded: true });
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.textContent).toContain('31 → 1,200 %');
  });

  it('says what an indicator still lacks, removes it, and undo brings it back', () => {
    const { store, mine } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add indicator for Learners find jobs' }));
    fireEvent.click(screen.getByRole('button', { name: /Untitled indicator/, expanded: true }));
    expect(screen.getByText('No baseline, target, data source')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Untitled indicator/, expanded: false }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove indicator' }));
    expect(mine()).toEqual([]);
    expect(document.activeElement).toBe(
      screen.getByRole('button', { name: 'Add indicator for Learners find jobs' }),
    );
    act(() => store.getState().undo());
    expect(mine()).toHaveLength(1);
    expect(store.getState().history.present.indicators.map((i) => i.id)).toContain('existing');
  });

  it('can hide its heading for a table cell and still be named', () => {
    const plan = createBlankPlan('Test');
    const store = createPlanStore(plan, { write: async () => 1, describeError: String });
    render(
      <PlanStoreProvider value={store}>
        <IndicatorList subjectId="x" subjectTitle="Outputs delivered" headingLevel={null} />
      </PlanStoreProvider>,
    );
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByRole('region', { name: 'Indicators for Outputs delivered' })).toBeTruthy();
  });
});

describe('logic-model arrows', () => {
  const a = { left: 0, top: 0, width: 100, height: 40 };
  const b = { left: 200, top: 100, width: 100, height: 40 };
  it('runs right edge to left edge forwards, loops to the right within a lane', () => {
    expect(arrowKind(1, 2)).toBe('forward');
    expect(arrowKind(2, 2)).toBe('same');
    expect(arrowKind(3, 2)).toBe('backward');
    // Routed orthogonally through the gutter between the lanes (issue 10).
    const lanes = [
      { left: 0, right: 100 },
      { left: 200, right: 300 },
    ];
    const cards = new Map([
      ['a', { lane: 0, box: a }],
      ['a2', { lane: 0, box: { ...a, top: 80 } }],
      ['b', { lane: 1, box: b }],
    ]);
    const paths = arrowPaths(lanes, cards, [
      { id: 'forward', source: 'a', target: 'b' },
      { id: 'same', source: 'a', target: 'a2' },
      { id: 'backward', source: 'b', target: 'a' },
    ]);
    expect(paths.get('forward')).toMatch(/^M 100 20 .* 197 120$/);
    expect(paths.get('same')).toMatch(/^M 100 20 .* 103 100$/);
    expect(paths.get('backward')).toMatch(/^M 200 120 .* 103 20$/);
  });
});
