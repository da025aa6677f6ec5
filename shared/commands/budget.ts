/**
 * Commands of the program budget: the plan currency, the total, the amount
 * per line, and the number of licences bought. Amounts are in the plan
 * currency; null clears a value.
 */
import { BUDGET_LINE_LABELS } from '../learners/budget';
import type { Budget, BudgetLineKind } from '../plan/schema';
import { CommandRefusal, defineCommand } from './command';

/** Sets the plan currency (an ISO 4217 code such as "EUR"), or clears it. */
export const setCurrency = defineCommand<{ currency: Budget['currency'] }>({
  type: 'budget.setCurrency',
  label: ({ currency }) => (currency ? `Set currency to ${currency}` : 'Clear currency'),
  locate: () => ({ section: 'objective' }),
  apply(draft, { currency }) {
    if (currency !== null && !/^[A-Z]{3}$/.test(currency))
      throw new CommandRefusal(`“${currency}” is not a currency code such as EUR or USD.`);
    draft.budget.currency = currency;
  },
});

/** Sets the total program budget; typing coalesces. */
export const setBudgetTotal = defineCommand<{ total: number | null }>({
  type: 'budget.setTotal',
  label: () => 'Edit total budget',
  coalesce: () => 'budget.setTotal',
  locate: () => ({ section: 'objective' }),
  apply(draft, { total }) {
    draft.budget.total = total;
  },
});

/** Sets one budget line (content, incentives, devices and data, staff, outreach); typing coalesces. */
export const setBudgetLine = defineCommand<{ line: BudgetLineKind; amount: number | null }>({
  type: 'budget.setLine',
  label: ({ line }) => `Edit ${BUDGET_LINE_LABELS[line].toLowerCase()} budget`,
  coalesce: ({ line }) => `budget.setLine:${line}`,
  locate: () => ({ section: 'objective' }),
  apply(draft, { line, amount }) {
    draft.budget.lines[line] = amount;
  },
});

/** Sets the number of licences bought for the program; typing coalesces. */
export const setLicences = defineCommand<{ licences: number | null }>({
  type: 'budget.setLicences',
  label: () => 'Edit licence count',
  coalesce: () => 'budget.setLicences',
  locate: () => ({ section: 'objective' }),
  apply(draft, { licences }) {
    draft.launch.marketing.licenses = licences;
  },
});
