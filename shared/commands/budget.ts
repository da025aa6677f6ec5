/**
 * Commands of the program budget: the plan currency, the total, the amount
 * per line, and the number of licences bought. Amounts are in the plan
 * currency; null clears a value.
 */
import { englishTranslator } from '../i18n/english';
import type { Budget, BudgetLineKind } from '../plan/schema';
import { CommandRefusal, defineCommand } from './command';

/** Sets the plan currency (an ISO 4217 code such as "EUR"), or clears it. */
export const setCurrency = defineCommand<{ currency: Budget['currency'] }>({
  type: 'budget.setCurrency',
  label: ({ currency }, _plan, t = englishTranslator) =>
    currency ? t('commands:budget.setCurrency', { currency }) : t('commands:budget.clearCurrency'),
  locate: () => ({ section: 'objective' }),
  apply(draft, { currency }) {
    if (currency !== null && !/^[A-Z]{3}$/.test(currency))
      throw CommandRefusal.of('notCurrencyCode', { currency });
    draft.budget.currency = currency;
  },
});

/** Sets the total program budget; typing coalesces. */
export const setBudgetTotal = defineCommand<{ total: number | null }>({
  type: 'budget.setTotal',
  label: (_args, _plan, t = englishTranslator) => t('commands:budget.editTotal'),
  coalesce: () => 'budget.setTotal',
  locate: () => ({ section: 'objective' }),
  apply(draft, { total }) {
    draft.budget.total = total;
  },
});

/** Sets one budget line (content, incentives, devices and data, staff, outreach); typing coalesces. */
export const setBudgetLine = defineCommand<{ line: BudgetLineKind; amount: number | null }>({
  type: 'budget.setLine',
  label: ({ line }, _plan, t = englishTranslator) => t('commands:budget.editLine', { line }),
  coalesce: ({ line }) => `budget.setLine:${line}`,
  locate: () => ({ section: 'objective' }),
  apply(draft, { line, amount }) {
    draft.budget.lines[line] = amount;
  },
});

/** Sets the number of licences bought for the program; typing coalesces. */
export const setLicences = defineCommand<{ licences: number | null }>({
  type: 'budget.setLicences',
  label: (_args, _plan, t = englishTranslator) => t('commands:budget.editLicences'),
  coalesce: () => 'budget.setLicences',
  locate: () => ({ section: 'objective' }),
  apply(draft, { licences }) {
    draft.launch.marketing.licenses = licences;
  },
});
