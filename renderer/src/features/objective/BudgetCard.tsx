/**
 * The program budget on the Objective page: the plan currency, the total and
 * the amount per line, the licences bought, and — beside each line — what the
 * plan's own figures cost (incentives and content on expected participants,
 * outreach from the marketing channels), so an overrun shows where it is.
 */
import { useId, useMemo } from 'react';
import {
  setBudgetLine,
  setBudgetTotal,
  setCurrency,
  setLicences,
} from '../../../../shared/commands/budget';
import {
  BUDGET_LINE_LABELS,
  BUDGET_LINES,
  budgetLinesTotal,
  currencyCodes,
  currencyName,
  formatMoney,
  plannedCosts,
} from '../../../../shared/learners/budget';
import type { BudgetLineKind } from '../../../../shared/plan/schema';
import { NumberField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { MoneyField } from '../learners/MoneyField';
import '../content/content.css';
import './budget.css';

const count = new Intl.NumberFormat('en-GB');

/** The budget card of the Objective section. */
export function BudgetCard() {
  const budget = usePlan((p) => p.budget);
  const learners = usePlan((p) => p.learners);
  const content = usePlan((p) => p.content);
  const launch = usePlan((p) => p.launch);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const currencyId = useId();
  const codes = useMemo(() => currencyCodes(), []);
  const planned = useMemo(
    () => plannedCosts({ learners, content, launch }),
    [learners, content, launch],
  );
  const currency = budget.currency;
  const linesTotal = budgetLinesTotal(budget);
  // The total budget against what the lines share out: the rest, or the excess.
  const allocation =
    budget.total !== null && linesTotal !== null && linesTotal !== budget.total
      ? {
          over: linesTotal > budget.total,
          amount: Math.round(Math.abs(budget.total - linesTotal) * 100) / 100,
        }
      : null;
  const money = (n: number | null) => (n === null ? '—' : formatMoney(n, currency));
  const licences = launch.marketing.licenses;
  return (
    <section aria-labelledby="budget-heading" className="card budget-card">
      <h2 id="budget-heading">Budget</h2>
      <p className="section-note">
        Every amount in the plan is in this currency. Per-learner costs count expected participants
        (set per learner segment), not the whole population.
      </p>
      <div className="grid grid-3">
        <div className="field">
          <label htmlFor={currencyId}>Currency</label>
          <select
            id={currencyId}
            value={currency ?? ''}
            onChange={(e) => dispatch(setCurrency({ currency: e.target.value || null }))}
          >
            <option value="">Not chosen</option>
            {codes.map((code) => (
              <option key={code} value={code}>
                {currencyName(code)}
              </option>
            ))}
          </select>
        </div>
        <MoneyField
          label="Total budget"
          value={budget.total}
          currency={currency}
          onChange={(total) => dispatch(setBudgetTotal({ total }))}
          onBlur={seal}
        />
        <NumberField
          label="Licences bought"
          value={licences}
          integer
          min={0}
          max={1e9}
          onChange={(n) => dispatch(setLicences({ licences: n }))}
          onBlur={seal}
          hint={`${count.format(planned.participants)} expected participants across segments`}
        />
      </div>
      <table className="data-table budget-table">
        <caption className="visually-hidden">Budget by line against planned costs</caption>
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col" className="num">
              Budget
            </th>
            <th scope="col" className="num">
              Planned in this plan
            </th>
          </tr>
        </thead>
        <tbody>
          {BUDGET_LINES.map((line: BudgetLineKind) => {
            const amount = budget.lines[line];
            const cost = planned.lines[line];
            const over = amount !== null && cost !== null && cost > amount;
            return (
              <tr key={line}>
                <th scope="row">{BUDGET_LINE_LABELS[line]}</th>
                <td className="num">
                  <MoneyField
                    inline
                    label={`${BUDGET_LINE_LABELS[line]} budget`}
                    className="budget-line-field"
                    value={amount}
                    currency={currency}
                    onChange={(value) => dispatch(setBudgetLine({ line, amount: value }))}
                    onBlur={seal}
                  />
                </td>
                <td className={`num ${over ? 'budget-over' : ''}`}>
                  {money(cost)}
                  {over && <span className="budget-flag"> over budget</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Total of the lines</th>
            <td className="num">{money(linesTotal)}</td>
            <td
              className={`num ${budget.total !== null && planned.total > budget.total ? 'budget-over' : ''}`}
            >
              {formatMoney(planned.total, currency)}
            </td>
          </tr>
          {allocation && (
            <tr className={allocation.over ? 'budget-over' : undefined}>
              <th scope="row">
                {allocation.over ? 'Lines over the total budget' : 'Not allocated to a line'}
              </th>
              <td className="num">{money(allocation.amount)}</td>
              <td />
            </tr>
          )}
        </tfoot>
      </table>
    </section>
  );
}
