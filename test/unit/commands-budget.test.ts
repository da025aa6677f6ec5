/**
 * Issue 10: the budget and money commands, expected participants, the shared
 * indicator commands, and money formatting (Intl.NumberFormat, one currency).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planDocument } from '../../shared/export/document';
import { buildPlanWorkbook } from '../../shared/export/xlsx';
import { exportOptions } from './export-helpers';
import {
  setBudgetLine,
  setBudgetTotal,
  setCurrency,
  setLicences,
} from '../../shared/commands/budget';
import { runCommand, type Command } from '../../shared/commands/command';
import {
  addIndicator,
  removeIndicators,
  setIndicatorSubject,
  setIndicatorValue,
  setSuccessMeasure,
} from '../../shared/commands/indicators';
import { learnerSegments } from '../../shared/commands/learners';
import { blankIndicator } from '../../shared/indicators/format';
import {
  forgetMeasuredElements,
  indicatorsBySubject,
  kpiTargets,
  measuresOf,
  planMeasuresOf,
} from '../../shared/indicators/measures';
import {
  budgetLinesTotal,
  formatMoney,
  moneyInputText,
  plannedCosts,
} from '../../shared/learners/budget';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

describe('budget commands', () => {
  it('set the currency (ISO 4217 only), the total, each line and the licences', () => {
    const usd = run(sample, setCurrency({ currency: 'USD' }));
    expect(usd.plan.budget.currency).toBe('USD');
    expect(usd.label).toBe('Set currency to USD');
    expect(usd.location).toEqual({ section: 'objective' });
    expect(runCommand(sample, setCurrency({ currency: 'euro' }))).toEqual({
      ok: false,
      reason: '“euro” is not a currency code such as EUR or USD.',
    });
    const total = run(sample, setBudgetTotal({ total: 2_500_000 }));
    expect(total.plan.budget.total).toBe(2_500_000);
    expect(total.coalesceKey).toBe('budget.setTotal');
    const line = run(sample, setBudgetLine({ line: 'devicesAndData', amount: 17.4 }));
    expect(line.plan.budget.lines.devicesAndData).toBe(17.4);
    expect(line.label).toBe('Edit devices and data budget');
    expect(line.coalesceKey).toBe('budget.setLine:devicesAndData');
    expect(run(sample, setLicences({ licences: 2400 })).plan.launch.marketing.licenses).toBe(2400);
  });

  it('edit a segment’s expected participants', () => {
    const id = sample.learners[0]!.id;
    const outcome = run(
      sample,
      learnerSegments.update({ id, patch: { expectedParticipants: 700 } }),
    );
    expect(outcome.plan.learners[0]!.expectedParticipants).toBe(700);
    expect(outcome.label).toMatch(/expected participants/);
  });
});

describe('money', () => {
  it('formats with Intl.NumberFormat in the plan currency, cents only when there are any', () => {
    expect(formatMoney(2_200_000, 'EUR')).toBe('€2,200,000');
    expect(formatMoney(17.4, 'EUR')).toBe('€17.40');
    expect(formatMoney(1234.5, 'USD')).toBe('US$1,234.50');
    expect(formatMoney(1500, 'JPY')).toBe('JP¥1,500');
    expect(formatMoney(17.4, null)).toBe('17.40');
  });

  it('shows an amount in an input with the currency’s decimals, so 17.40 stays 17.40', () => {
    expect(moneyInputText(17.4, 'EUR')).toBe('17.40');
    expect(moneyInputText(17.4, null)).toBe('17.40');
    expect(moneyInputText(600, 'EUR')).toBe('600');
    expect(moneyInputText(null, 'EUR')).toBe('');
    expect(Number(moneyInputText(17.4, 'EUR'))).toBe(17.4);
  });

  it('costs incentives on participants, not population, and sets costs against the budget', () => {
    const costs = plannedCosts(sample);
    expect(costs.participants).toBe(1900);
    // 2,000 licences, 95 % used: participants fit the licences.
    expect(costs.participants).toBeLessThanOrEqual(sample.launch.marketing.licenses!);
    for (const [line, cost] of Object.entries(costs.lines)) {
      const budget = sample.budget.lines[line as keyof typeof costs.lines];
      if (cost !== null && budget !== null) expect(cost).toBeLessThanOrEqual(budget);
    }
    expect(budgetLinesTotal(sample.budget)).toBe(sample.budget.total);
    expect(costs.total).toBeLessThanOrEqual(sample.budget.total!);
    // The old figure multiplied per-learner costs by whole populations.
    expect(costs.lines.incentives! + costs.lines.devicesAndData!).toBeLessThan(1_100_000);
  });
});

describe('the Word document', () => {
  it('lists a ToC outcome’s indicator on the logframe row of the item traced to it', () => {
    const doc = planDocument(sample, exportOptions());
    const text = JSON.stringify(doc.sections);
    const item = sample.logicModel.items.find((i) => i.id === 'lm-imo-placement')!;
    const placement = sample.indicators.find((i) => i.id === 'ind-placement-rate')!;
    // The row's indicator cell names the placement rate, shared with the ToC outcome.
    const rows = doc.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.type === 'table')
      .flatMap((b) => (b as { rows: readonly (readonly string[])[] }).rows);
    const row = rows.find((r) => r[1]?.startsWith(item.title))!;
    expect(row.join(' ')).toContain(placement.name);
    expect(text).toContain('€2,200,000');
  });
});

describe('the Excel summary', () => {
  it('lists the budget by line against planned costs, in the plan currency', async () => {
    const { workbook } = await buildPlanWorkbook(sample, exportOptions());
    const ws = workbook.getWorksheet('Summary')!;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => rows.push(row));
    const header = rows.find((r) => r.getCell(1).value === 'Budget (EUR)');
    expect(header).toBeDefined();
    const incentives = rows.find((r) => r.getCell(1).value === 'Learner incentives')!;
    expect(incentives.getCell(3).value).toBe(800_000);
    expect(incentives.getCell(4).value).toBe(766_250);
    expect(incentives.getCell(3).numFmt).toBe('#,##0.00 "EUR"');
  });
});

describe('one indicator, several elements', () => {
  const placement = sample.indicators.find((i) => i.id === 'ind-placement-rate')!;

  it('shows a ToC outcome’s indicator on the logic-model item traced to it', () => {
    const item = sample.logicModel.items.find((i) => i.tocOutcomeId === 'toc-out-placement')!;
    const measures = planMeasuresOf(sample, item.id);
    expect(measures).toContainEqual({ indicator: placement, route: 'traced' });
    // Listed directly and through the trace, it is shown once.
    const both = measuresOf(
      indicatorsBySubject([{ ...placement, subjectIds: ['a', 'b'] }]),
      'b',
      'a',
    );
    expect(both).toHaveLength(1);
    expect(both[0]!.route).toBe('direct');
  });

  it('shares an indicator with another element and stops, without copying', () => {
    const item = sample.logicModel.items.find((i) => i.lane === 'output')!;
    const shared = run(
      sample,
      setIndicatorSubject({ id: placement.id, subjectId: item.id, measured: true }),
    );
    expect(shared.plan.indicators).toHaveLength(sample.indicators.length);
    expect(shared.plan.indicators.find((i) => i.id === placement.id)!.subjectIds).toEqual([
      'toc-out-placement',
      item.id,
    ]);
    expect(shared.location).toEqual({ section: 'logicModel', focus: item.id });
    // Not an element of the plan: nothing changes.
    expect(
      run(sample, setIndicatorSubject({ id: placement.id, subjectId: 'gone', measured: true }))
        .plan,
    ).toBe(sample);
    const back = run(
      shared.plan,
      setIndicatorSubject({ id: placement.id, subjectId: item.id, measured: false }),
    );
    expect(back.plan.indicators.find((i) => i.id === placement.id)!.subjectIds).toEqual([
      'toc-out-placement',
    ]);
  });

  it('counts an indicator as a success measure, and a removed indicator unlinks its KPI', () => {
    const counted = run(sample, setSuccessMeasure({ id: 'ind-enrolments', kind: 'other' }));
    expect(counted.plan.indicators.find((i) => i.id === 'ind-enrolments')!.successMeasure).toBe(
      'other',
    );
    const kpi = sample.manage.kpis.find((k) => k.indicatorId === 'ind-enrolments')!;
    const removed = run(sample, removeIndicators({ ids: ['ind-enrolments'] }));
    expect(removed.plan.manage.kpis.find((k) => k.id === kpi.id)!.indicatorId).toBeNull();
  });

  it('KPIs of the Manage phase are tracked against the indicator they are built on', () => {
    const kpi = sample.manage.kpis.find((k) => k.indicatorId === 'ind-learning-hours')!;
    const edited = run(
      sample,
      setIndicatorValue({ id: 'ind-learning-hours', which: 'target', patch: { value: 230_000 } }),
    ).plan;
    expect(kpiTargets(edited.indicators, kpi)).toMatchObject({
      target: 230_000,
      indicator: { id: 'ind-learning-hours' },
    });
    // Without its indicator, a KPI keeps its own figures.
    expect(kpiTargets([], kpi)).toMatchObject({ target: kpi.target, indicator: null });
  });

  it('a success measure of its own is seen on the Objective', () => {
    const added = run(sample, addIndicator({ indicator: blankIndicator('ind-x', null, 'wages') }));
    expect(added.location).toEqual({ section: 'objective' });
  });

  it('deleting an element keeps an indicator that still measures something or is a success measure', () => {
    const plan = structuredClone(sample);
    forgetMeasuredElements(plan, new Set(['toc-out-progression']));
    const progression = plan.indicators.find((i) => i.id === 'ind-progression')!;
    expect(progression.subjectIds).toEqual(['lm-imo-progression']);
    forgetMeasuredElements(plan, new Set(['lm-imo-progression', 'toc-out-employer-awareness']));
    // Still a success measure (promotion): kept with no element.
    expect(plan.indicators.find((i) => i.id === 'ind-progression')!.subjectIds).toEqual([]);
    // Measured only the deleted element: gone.
    expect(plan.indicators.some((i) => i.id === 'ind-toc-employer-trust')).toBe(false);
  });
});
