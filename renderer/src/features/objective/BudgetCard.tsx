/**
 * The program budget on the Objective page: the plan currency, the total and
 * the amount per line, the licences bought, and — beside each line — what the
 * plan's own figures cost (incentives and content on expected participants,
 * outreach from the marketing channels), so an overrun shows where it is.
 */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  setBudgetLine,
  setBudgetTotal,
  setCurrency,
  setLicences,
} from '../../../../shared/commands/budget';
import {
  BUDGET_LINES,
  budgetLinesTotal,
  currencyCodes,
  currencyName,
  formatMoney,
  plannedCosts,
} from '../../../../shared/learners/budget';
import type { BudgetLineKind } from '../../../../shared/plan/schema';
import { NumberField } from '../../components/fields';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { MoneyField } from '../learners/MoneyField';
import '../content/content.css';
import './budget.css';

/** The budget card of the Objective section. */
export function BudgetCard() {
  const { t } = useTranslation('objective');
  const format = useFormat();
  const budget = usePlan((p) => p.budget);
  const learners = usePlan((p) => p.learners);
  const content = usePlan((p) => p.content);
  const launch = usePlan((p) => p.launch);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const currencyId = useId();
  const codes = useMemo(() => currencyCodes(), []);
  // Currency names in the UI's language ("Euro (EUR)", "euro (EUR)"…).
  const currencies = useMemo(
    () => codes.map((code) => ({ code, name: currencyName(code, format.locale) })),
    [codes, format.locale],
  );
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
  const money = (n: number | null) =>
    n === null ? t('budget.noAmount') : formatMoney(n, currency, format.locale);
  const licences = launch.marketing.licenses;
  return (
    <section aria-labelledby="budget-heading" className="card budget-card">
      <h2 id="budget-heading">{t('budget.heading')}</h2>
      <p className="section-note">{t('budget.note')}</p>
      <div className="grid grid-3">
        <div className="field">
          <label htmlFor={currencyId}>{t('budget.currency')}</label>
          <select
            id={currencyId}
            value={currency ?? ''}
            onChange={(e) => dispatch(setCurrency({ currency: e.target.value || null }))}
          >
            <option value="">{t('budget.notChosen')}</option>
            {currencies.map(({ code, name }) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <MoneyField
          label={t('budget.total')}
          value={budget.total}
          currency={currency}
          onChange={(total) => dispatch(setBudgetTotal({ total }))}
          onBlur={seal}
        />
        <NumberField
          label={t('budget.licences')}
          value={licences}
          integer
          min={0}
          max={1e9}
          onChange={(n) => dispatch(setLicences({ licences: n }))}
          onBlur={seal}
          hint={t('budget.participantsHint', { count: planned.participants })}
        />
      </div>
      <table className="data-table budget-table">
        <caption className="visually-hidden">{t('budget.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('budget.line')}</th>
            <th scope="col" className="num">
              {t('budget.budget')}
            </th>
            <th scope="col" className="num">
              {t('budget.planned')}
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
                <th scope="row">{t(`budget.lines.${line}`)}</th>
                <td className="num">
                  <MoneyField
                    inline
                    label={t('budget.lineBudget', { line: t(`budget.lines.${line}`) })}
                    className="budget-line-field"
                    value={amount}
                    currency={currency}
                    onChange={(value) => dispatch(setBudgetLine({ line, amount: value }))}
                    onBlur={seal}
                  />
                </td>
                <td className={`num ${over ? 'budget-over' : ''}`}>
                  {money(cost)}
                  {over && <span className="budget-flag"> {t('budget.overBudget')}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('budget.linesTotal')}</th>
            <td className="num">{money(linesTotal)}</td>
            <td
              className={`num ${budget.total !== null && planned.total > budget.total ? 'budget-over' : ''}`}
            >
              {formatMoney(planned.total, currency, format.locale)}
            </td>
          </tr>
          {allocation && (
            <tr className={allocation.over ? 'budget-over' : undefined}>
              <th scope="row">
                {allocation.over ? t('budget.linesOver') : t('budget.notAllocated')}
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
