/** IndicatorList: add, edit every field, remove, undo — against a real plan store. */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { arrowKind, arrowPaths } from '../../renderer/src/features/logic-model/arrows';
import { IndicatorList } from '../../renderer/src/features/indicators/IndicatorList';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';
import { blankIndicator } from '../../shared/indicators/format';
import { createBlankPlan } from '../../shared/plan/create';
import { typeDate } from './date-helpers';
import { LearnerSegment, LogicItem, TocNode } from '../../shared/plan/schema';

function setup() {
  const plan = createBlankPlan('Test');
  plan.learners = [
    LearnerSegment.parse({ id: 'seg-a', name: 'Young parents' }),
    LearnerSegment.parse({ id: 'seg-b', name: 'Graduates' }),
  ];
  plan.indicators = [
    {
      id: 'existing',
      subjectIds: ['other-outcome'],
      successMeasure: null,
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
    store.getState().history.present.indicators.filter((i) => i.subjectIds.includes('outcome-1'));
  return { store, mine };
}

describe('IndicatorList', () => {
  it('lists only its subject’s indicators and invites adding one', () => {
    setup();
    expect(screen.getByRole('heading', { name: /Indicators for Learners find jobs/ })).toBeTruthy();
    // Another element's indicator is not listed here (it is only offered for sharing).
    expect(screen.queryByRole('button', { name: /Not mine/ })).toBeNull();
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
        subjectIds: ['outcome-1'],
        successMeasure: null,
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
    expect(screen.getByText('No baseline, target, data source, owner')).toBeTruthy();
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

describe('one indicator for several elements (issue 10)', () => {
  function shared() {
    const plan = createBlankPlan('Test');
    plan.theoryOfChange.nodes = [
      TocNode.parse({ id: 'toc-placed', kind: 'outcome', title: 'Completers get jobs' }),
    ];
    plan.logicModel.items = [
      LogicItem.parse({ id: 'lm-placed', lane: 'intermediateOutcome', title: '400 placed' }),
    ];
    plan.indicators = [
      {
        ...blankIndicator('ind-placed', 'toc-placed'),
        name: 'Completers placed',
        owner: 'M&E',
      },
    ];
    const store = createPlanStore(plan, { write: async () => 1, describeError: String });
    return store;
  }

  it('shares an existing indicator with another element instead of copying it', () => {
    const store = shared();
    render(
      <PlanStoreProvider value={store}>
        <IndicatorList subjectId="lm-placed" subjectTitle="400 completers placed" />
      </PlanStoreProvider>,
    );
    fireEvent.click(
      screen.getByRole('button', { name: 'Use an existing indicator for 400 completers placed' }),
    );
    expect(document.activeElement).toBe(screen.getByLabelText('Use an existing indicator'));
    fireEvent.change(screen.getByLabelText('Use an existing indicator'), {
      target: { value: 'ind-placed' },
    });
    fireEvent.click(
      screen.getByRole('button', { name: 'Use the chosen indicator for 400 completers placed' }),
    );
    const indicators = store.getState().history.present.indicators;
    expect(indicators).toHaveLength(1);
    expect(indicators[0]!.subjectIds).toEqual(['toc-placed', 'lm-placed']);
    // Listed here, open, focus on its first field; editing here edits the one indicator.
    const form = screen.getByRole('group', { name: 'Indicator: Completers placed' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Indicator name'));
    fireEvent.change(within(form).getByLabelText('Unit'), { target: { value: '%' } });
    expect(store.getState().history.present.indicators[0]!.unit).toBe('%');
    // It can stop measuring this element without being removed from the other.
    fireEvent.click(
      within(form).getByRole('button', { name: 'Stop using it for 400 completers placed' }),
    );
    expect(store.getState().history.present.indicators[0]!.subjectIds).toEqual(['toc-placed']);
  });

  it('lists the indicators of the traced theory-of-change outcome on a logic-model item', () => {
    const store = shared();
    render(
      <PlanStoreProvider value={store}>
        <IndicatorList
          subjectId="lm-placed"
          subjectTitle="400 completers placed"
          tracedTo="toc-placed"
        />
      </PlanStoreProvider>,
    );
    const row = screen.getByRole('button', { name: /Completers placed/ });
    expect(row.textContent).toContain('Through the traced theory-of-change outcome');
    expect(screen.queryByText(/No indicator yet/)).toBeNull();
  });

  it('lists success measures on the Objective and adds one with focus on its first field', () => {
    const store = shared();
    render(
      <PlanStoreProvider value={store}>
        <IndicatorList subjectId={null} subjectTitle="the program" headingLevel={2} />
      </PlanStoreProvider>,
    );
    expect(screen.getByRole('heading', { name: /Success measures/ })).toBeTruthy();
    expect(screen.getByText(/No success measure yet/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Add success measure' }));
    const form = screen.getByRole('group', { name: 'Indicator: Untitled indicator' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Indicator name'));
    const added = store.getState().history.present.indicators.at(-1)!;
    expect(added).toMatchObject({ subjectIds: [], successMeasure: 'other' });
    // An indicator of the theory of change can count as a success measure too.
    fireEvent.click(
      screen.getByRole('button', { name: 'Count an existing indicator as a success measure' }),
    );
    fireEvent.change(screen.getByLabelText('Count an existing indicator'), {
      target: { value: 'ind-placed' },
    });
    fireEvent.click(
      screen.getByRole('button', { name: 'Count the chosen indicator as a success measure' }),
    );
    expect(store.getState().history.present.indicators[0]!.successMeasure).toBe('other');
    expect(screen.getByRole('button', { name: /Completers placed/ }).textContent).toContain(
      'Also measures',
    );
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
