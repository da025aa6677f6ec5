/**
 * Numbers and amounts in the Word document (issue 12): every whole number of
 * 1,000 or more has its thousands separator ("9,800", not "9800"), and every
 * amount of money carries the plan's currency. Walks the document model of
 * the sample plan and of a large plan, every profile.
 */
import { describe, expect, it } from 'vitest';
import { planDocument, type PlanDocument } from '../../shared/export/document';
import { PROFILE_IDS } from '../../shared/export/options';
import { formatMoney } from '../../shared/learners/segments';
import type { Plan } from '../../shared/plan/schema';
import { largePlan } from '../helpers/large-plan';
import { exportOptions, samplePlan } from './export-helpers';

/** Where a text sits in the document, for failure messages. */
interface Placed {
  readonly where: string;
  readonly text: string;
}

/** Every text of the document, with where it is. */
function texts(doc: PlanDocument): Placed[] {
  const out: Placed[] = [
    { where: 'cover', text: doc.title },
    { where: 'cover', text: doc.subtitle },
    { where: 'cover', text: doc.dateLabel },
    { where: 'cover', text: doc.version },
  ];
  for (const s of doc.sections)
    for (const [n, b] of s.blocks.entries()) {
      const where = `${s.title}, block ${n + 1} (${b.type})`;
      if (b.type === 'heading' || b.type === 'paragraph') out.push({ where, text: b.text });
      else if (b.type === 'bullets') out.push(...b.items.map((text) => ({ where, text })));
      else if (b.type === 'facts') out.push(...b.rows.flat().map((text) => ({ where, text })));
      else if (b.type === 'diagram') out.push({ where, text: b.caption });
      else
        for (const row of [b.columns.map((c) => c.title), ...b.rows, b.totalRow ?? []])
          for (const [i, text] of row.entries())
            out.push({ where: `${where}, column “${b.columns[i]?.title}”`, text });
    }
  return out;
}

/**
 * Whole numbers of four digits or more written without a separator. Years
 * (1900–2199) stand as they are; so do digit groups that start with 0 (phone
 * numbers, codes), which are not quantities.
 */
export function bareNumbers(text: string): string[] {
  return [...text.matchAll(/(?<![\d.,])[1-9]\d{3,}(?![\d]|[.,]\d)/g)]
    .map((m) => m[0])
    .filter((n) => !(n.length === 4 && Number(n) >= 1900 && Number(n) < 2200));
}

/** Columns and fact labels that hold amounts of money. */
const MONEY_HEADING = /\b(cost|costs|budget(?! line)|planned in this plan|amount)\b/i;

/** Amounts in running text: the word before them says they are money. */
const MONEY_PHRASE =
  /\b(?:come to|comes to|budget of|cost of|costs|allocated|more than the total budget of)\s+(\S*\d\S*)/gi;

/** The amount cells and phrases of a document that do not carry `symbol`. */
function amountsWithoutCurrency(doc: PlanDocument, symbol: string): string[] {
  const bad: string[] = [];
  const check = (where: string, text: string) => {
    if (/\d/.test(text) && !text.includes(symbol)) bad.push(`${where}: “${text}”`);
  };
  for (const s of doc.sections)
    for (const b of s.blocks) {
      if (b.type === 'facts')
        for (const [label, value] of b.rows)
          if (MONEY_HEADING.test(label)) check(`${s.title}, ${label}`, value);
      if (b.type === 'table')
        b.columns.forEach((c, i) => {
          if (!MONEY_HEADING.test(c.title)) return;
          for (const row of [...b.rows, ...(b.totalRow ? [b.totalRow] : [])])
            check(`${s.title}, column “${c.title}”`, row[i] ?? '');
        });
    }
  for (const { where, text } of texts(doc))
    for (const m of text.matchAll(MONEY_PHRASE)) check(where, m[1]!);
  return bad;
}

const plans: [string, () => Plan][] = [
  ['the sample plan', samplePlan],
  [
    'a large plan',
    () =>
      largePlan({ tocElements: 600, stakeholders: 300, catalogItems: 2000, logicModelCopies: 4 }),
  ],
];

describe.each(plans)('numbers in the Word document of %s', (_, make) => {
  const plan = make();
  const symbol = formatMoney(1, plan.budget.currency).replace(/[\d.,\s]/g, '');

  it('has a currency to check against', () => {
    expect(plan.budget.currency).toBe('EUR');
    expect(symbol).toBe('€');
  });

  it.each(PROFILE_IDS)('writes every number of 1,000 or more with separators (%s)', (profile) => {
    const doc = planDocument(plan, exportOptions({ profile }));
    const bare = texts(doc).flatMap(({ where, text }) =>
      bareNumbers(text).map((n) => `${where}: ${n} in “${text.slice(0, 80)}”`),
    );
    expect(bare).toEqual([]);
  });

  it.each(PROFILE_IDS)('gives every amount its currency (%s)', (profile) => {
    const doc = planDocument(plan, exportOptions({ profile }));
    expect(amountsWithoutCurrency(doc, symbol)).toEqual([]);
  });
});

describe('the number checks themselves', () => {
  it('find bare numbers but not years, decimals, grouped numbers or phone digits', () => {
    expect(bareNumbers('9800 learners and 1480 EUR')).toEqual(['9800', '1480']);
    expect(bareNumbers('9,800 learners, 1.2345 points, in 2027, call 021 555 0110')).toEqual([]);
    expect(bareNumbers('12000 hours')).toEqual(['12000']);
  });
});

describe('amounts in a plan without a currency yet', () => {
  it('say the currency is not chosen, in every money column and sentence', () => {
    const plan = samplePlan();
    plan.budget.currency = null;
    const doc = planDocument(plan, exportOptions());
    const moneyColumns = doc.sections.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.type === 'table' ? b.columns.filter((c) => MONEY_HEADING.test(c.title)) : [],
      ),
    );
    expect(moneyColumns.length).toBeGreaterThan(3);
    for (const c of moneyColumns) expect(c.title).toMatch(/\(currency not chosen\)$/);
    const sentences = texts(doc)
      .map((t) => t.text)
      .filter((t) => [...t.matchAll(MONEY_PHRASE)].length > 0);
    expect(sentences.length).toBeGreaterThan(0);
    for (const text of sentences)
      for (const m of text.matchAll(MONEY_PHRASE))
        expect(text.slice(m.index + m[0].length - m[1]!.length)).toMatch(
          /^[\d,.]+ \(currency not chosen\)/,
        );
    const facts = doc.sections.flatMap((s) =>
      s.blocks.flatMap((b) => (b.type === 'facts' ? b.rows : [])),
    );
    expect(facts).toContainEqual(['Total budget', '2,200,000 (currency not chosen)']);
  });
});
