/**
 * The Word results framework (issue 12): results numbered by level (1, 1.1,
 * 1.1.a) from the links the plan holds, each indicator listed once with its
 * baseline year, target, source, frequency and owner, near-duplicates merged,
 * results without indicators said to have none.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { planDocument, type DocBlock } from '../../shared/export/document';
import { buildPlanDocx, pageRuns } from '../../shared/export/docx';
import {
  outputLetter,
  resultNumbersByIndicator,
  resultsFramework,
} from '../../shared/export/results-framework';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { createBlankPlan } from '../../shared/plan/create';
import { Indicator, LogicItem, TocNode, type Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan } from './export-helpers';

type Table = Extract<DocBlock, { type: 'table' }>;

/** The results framework table of a plan's Word document. */
function frameworkTable(plan: Plan): Table {
  const doc = planDocument(plan, exportOptions({ sections: ['indicators'] }));
  const table = doc.sections[0]!.blocks.find((b): b is Table => b.type === 'table');
  if (!table) throw new Error('no results framework table');
  return table;
}

/** A small plan: an impact, two outcomes, a traced logic-model outcome and two outputs. */
function smallPlan(): Plan {
  const plan = createBlankPlan('Small', new Date('2026-11-01T00:00:00Z'));
  plan.theoryOfChange.nodes = [
    TocNode.parse({ id: 'impact', kind: 'impact', title: 'Young people in decent work' }),
    TocNode.parse({
      id: 'jobs',
      kind: 'outcome',
      horizon: 'intermediate',
      title: 'Completers find jobs',
    }),
    TocNode.parse({
      id: 'skills',
      kind: 'outcome',
      horizon: 'short',
      title: 'Learners gain digital skills',
    }),
  ];
  plan.logicModel.items = [
    LogicItem.parse({
      id: 'lm-skills',
      lane: 'shortTermOutcome',
      title: '1,050 learners earn a certificate',
      tocOutcomeId: 'skills',
    }),
    // Not traced, but the same statement as the ToC outcome up to case and punctuation.
    LogicItem.parse({ id: 'lm-jobs', lane: 'intermediateOutcome', title: 'completers find JOBS.' }),
    LogicItem.parse({ id: 'out-courses', lane: 'output', order: 1, title: 'Courses delivered' }),
    LogicItem.parse({ id: 'out-fairs', lane: 'output', order: 2, title: 'Hiring fairs held' }),
    LogicItem.parse({ id: 'out-loose', lane: 'output', order: 3, title: 'Newsletter sent' }),
  ];
  plan.logicModel.links = [
    { id: 'a', source: 'out-courses', target: 'lm-skills' },
    { id: 'b', source: 'out-fairs', target: 'lm-jobs' },
  ];
  plan.indicators = [
    Indicator.parse({
      id: 'i-cert',
      subjectIds: ['skills'],
      name: 'Certificates earned',
      unit: 'learners',
      baseline: { value: 0, date: '2026-03-31' },
      target: { value: 1050, date: '2028-06-30' },
      dataSource: 'Platform records',
      frequency: 'monthly',
      owner: 'M&E officer',
    }),
    // The same indicator recorded twice, with another baseline.
    Indicator.parse({
      id: 'i-cert-2',
      subjectIds: ['lm-skills'],
      name: 'certificates  earned!',
      unit: 'Learners',
      baseline: { value: 12, date: '2026-06-30' },
      target: { value: 1050, date: '2028-06-30' },
      dataSource: 'Platform records',
      frequency: 'monthly',
      owner: 'M&E officer',
    }),
    // Measures an outcome and an output: listed under the outcome, referred to from the output.
    Indicator.parse({
      id: 'i-hired',
      subjectIds: ['out-fairs', 'jobs'],
      name: 'Completers hired',
      unit: 'people',
      baseline: { value: 0, date: null },
      target: { value: 470, date: '2028-09-30' },
    }),
    Indicator.parse({
      id: 'i-neet',
      successMeasure: 'other',
      name: 'NEET young people re-engaged',
      unit: '%',
      baseline: { value: 22, date: '2025-12-31' },
      target: { value: 50, date: '2028-06-30' },
    }),
  ];
  return plan;
}

describe('the results framework', () => {
  it('letters outputs a … z, then aa, ab …', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(outputLetter)).toEqual([
      'a',
      'b',
      'z',
      'aa',
      'ab',
      'az',
      'ba',
      'zz',
      'aaa',
    ]);
  });

  it('numbers the sample by level: the impact, its outcomes long-term first, outputs under the outcome they lead to', () => {
    const plan = samplePlan();
    const { results } = resultsFramework(plan);
    const numbers = results.map((r) => r.number);
    expect(numbers[0]).toBe('1');
    expect(results[0]!.kind).toBe('Impact');
    expect(results.filter((r) => r.level === 2).map((r) => r.number)).toEqual(
      Array.from({ length: 9 }, (_, i) => `1.${i + 1}`),
    );
    // Long-term outcomes before intermediate before short-term.
    const kinds = results.filter((r) => r.level === 2).map((r) => r.kind);
    expect(kinds.lastIndexOf('Long-term outcome')).toBeLessThan(
      kinds.indexOf('Intermediate outcome'),
    );
    expect(kinds.lastIndexOf('Intermediate outcome')).toBeLessThan(
      kinds.indexOf('Short-term outcome'),
    );
    // Every output is under an outcome, reached along the logic-model arrows
    // (invitations → enrolments → completion).
    const outputs = results.filter((r) => r.level === 3);
    expect(outputs.map((r) => r.title)).toHaveLength(
      plan.logicModel.items.filter((i) => i.lane === 'output').length,
    );
    for (const output of outputs) expect(output.number).toMatch(/^1\.\d+\.[a-z]+$/);
    const completion = results.find((r) => r.title.startsWith('Learners stay active'))!;
    const invitations = outputs.find((r) => r.title.includes('invitations'))!;
    expect(invitations.number.startsWith(`${completion.number}.`)).toBe(true);
    // A logic-model outcome traced to a ToC outcome is the same result, not a second one.
    expect(completion.alsoStated.map((s) => s.title)).toContain(
      '60% of enrolled learners complete their pathway',
    );
    expect(results.some((r) => r.title === '60% of enrolled learners complete their pathway')).toBe(
      false,
    );
    // Each indicator once.
    const listed = results.flatMap((r) => r.indicators.map((i) => i.indicator.id));
    expect([...listed].sort()).toEqual(plan.indicators.map((i) => i.id).sort());
  });

  it('merges near-duplicates, lists an indicator once and refers to it, and says which results have none', () => {
    const { results, indicatorCount, mergedIndicators } = resultsFramework(smallPlan());
    expect(results.map((r) => [r.number, r.title])).toEqual([
      ['1', 'Young people in decent work'],
      ['1.a', 'Newsletter sent'],
      ['1.1', 'Completers find jobs'],
      ['1.1.a', 'Hiring fairs held'],
      ['1.2', 'Learners gain digital skills'],
      ['1.2.a', 'Courses delivered'],
    ]);
    expect(results[1]!.note).toMatch(/not linked to an outcome/i);
    expect(indicatorCount).toBe(3);
    expect(mergedIndicators).toBe(1);
    const at = (n: string) => results.find((r) => r.number === n)!;
    expect(at('1').indicators.map((i) => i.indicator.id)).toEqual(['i-neet']);
    expect(at('1.1').indicators.map((i) => i.indicator.id)).toEqual(['i-hired']);
    expect(at('1.1.a').seeAlso.map((s) => [s.indicator.indicator.id, s.number])).toEqual([
      ['i-hired', '1.1'],
    ]);
    expect(at('1.2').indicators.map((i) => i.copies.map((c) => c.id))).toEqual([
      ['i-cert', 'i-cert-2'],
    ]);
    expect(at('1.2').alsoStated).toEqual([
      { where: 'In the logic model', title: '1,050 learners earn a certificate' },
    ]);
  });

  it('prints as a numbered table in portrait, with dated baselines and targets, sources, frequencies and owners', async () => {
    const plan = smallPlan();
    const table = frameworkTable(plan);
    expect(table.columns.map((c) => c.title)).toEqual([
      'No.',
      'Result and indicator',
      'Baseline',
      'Target',
      'Source and frequency',
      'Responsible',
    ]);
    expect(pageRuns([table]).map((r) => r.page)).toEqual(['portrait']);
    const groups = new Set(table.groupRows);
    const headed = table.rows.filter((_, i) => groups.has(i));
    expect(headed.map((r) => r[0])).toEqual(['1', '1.a', '1.1', '1.1.a', '1.2', '1.2.a']);
    const row = (name: string) => table.rows.find((r) => r[1]!.startsWith(name))!;
    // Both baselines the copies hold, each with its year; the target with its month.
    expect(row('Certificates earned')).toEqual([
      '',
      'Certificates earned\nUnit: learners',
      '0 (2026)\n12 (2026)',
      '1,050 by June 2028',
      'Platform records\nFrequency: monthly',
      'M&E officer',
    ]);
    expect(row('Completers hired')).toEqual([
      '',
      'Completers hired\nUnit: people',
      '0 (no date yet)',
      '470 by September 2028',
      'Source not set yet\nFrequency not set yet',
      '—',
    ]);
    expect(row('NEET')[1]).toBe(
      'NEET young people re-engaged\nUnit: %\nSuccess measure of the program',
    );
    expect(table.rows).toContainEqual(['', 'Completers hired: see 1.1', '', '', '', '']);
    // 1.a and 1.2.a have no indicator: said so, in the table and in the text above it.
    expect(table.rows.filter((r) => r[1] === 'No indicator yet')).toHaveLength(2);
    const doc = planDocument(plan, exportOptions({ sections: ['indicators'] }));
    const texts = doc.sections[0]!.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts.join(' ')).toContain('Results 1.a and 1.2.a have no indicator yet.');
    expect(texts.join(' ')).toContain(
      '1 indicator recorded twice with the same wording is listed once',
    );

    // In Word, a result's row spans the table after its number, and is kept with the next row.
    const files = unzipSync(await buildPlanDocx(plan, exportOptions({ sections: ['indicators'] })));
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.match(/<w:gridSpan w:val="5"\/>/g)).toHaveLength(headed.length);
  });

  it('lists every result of the sample with its indicators, or says it has none yet', () => {
    const plan = samplePlan();
    const table = frameworkTable(plan);
    const groups = new Set(table.groupRows);
    // The result rows carry the numbers, in order; the indicator rows none.
    const numbered = table.rows.flatMap((r, i) => (r[0] ? [[i, r[0]] as const] : []));
    expect(numbered.every(([i]) => groups.has(i))).toBe(true);
    expect(numbered.map(([, n]) => n)).toEqual(resultsFramework(plan).results.map((r) => r.number));
    for (const indicator of plan.indicators)
      expect(table.rows.filter((r) => r[1]!.split('\n')[0] === indicator.name)).toHaveLength(1);
    // Every indicator of the sample is dated, sourced and owned.
    const indicatorRows = table.rows.filter((r, i) => !groups.has(i));
    for (const r of indicatorRows) {
      expect(r[2]).toMatch(/^[\d,.]+ \(\d{4}\)$/);
      expect(r[3]).toMatch(/^[\d,.]+ by [A-Z][a-z]+ \d{4}$/);
      expect(r[4]).toMatch(/\nFrequency: [a-z ]+$/);
      expect(r[5]).not.toBe('—');
    }
  });

  it('heads a plan without a single impact with its objective, and numbers outputs under it when no outcome exists', () => {
    const plan = createBlankPlan('Bare', new Date('2026-11-01T00:00:00Z'));
    plan.objective.changeSought = 'More young people in digital jobs.\n\nA second paragraph.';
    plan.logicModel.items = [
      LogicItem.parse({ id: 'o1', lane: 'output', order: 1, title: 'Courses delivered' }),
      LogicItem.parse({ id: 'o2', lane: 'output', order: 2, title: 'courses delivered' }),
    ];
    plan.indicators = [
      Indicator.parse({ id: 'i1', subjectIds: ['o2'], name: 'Courses', unit: 'courses' }),
    ];
    const { results } = resultsFramework(plan);
    expect(results.map((r) => [r.number, r.kind, r.title, r.note])).toEqual([
      ['1', 'Program objective', 'More young people in digital jobs.', null],
      ['1.a', 'Output', 'Courses delivered', null],
    ]);
    expect(results[1]!.indicators.map((i) => i.indicator.id)).toEqual(['i1']);
    const table = frameworkTable(plan);
    expect(table.rows[0]).toEqual([
      '1',
      'More young people in digital jobs.\nProgram objective',
      '',
      '',
      '',
      '',
    ]);
    expect(table.rows).toContainEqual(['', 'No indicator yet', '', '', '', '']);
    expect(table.rows.find((r) => r[1]!.startsWith('Courses\n'))!.slice(2)).toEqual([
      'Not set yet',
      'Not set yet',
      'Source not set yet\nFrequency not set yet',
      '—',
    ]);
  });

  it('lists in the logframe an indicator recorded on a traced item and its outcome once when the copies agree', () => {
    const plan = smallPlan();
    const logframeCell = () => {
      const doc = planDocument(plan, exportOptions({ sections: ['logicModel'] }));
      const table = doc.sections[0]!.blocks.find((b): b is Table => b.type === 'table')!;
      return table.rows.find((r) => r[1] === '1,050 learners earn a certificate')![2];
    };
    // The copies disagree on the baseline: both are shown.
    expect(logframeCell()).toBe(
      'certificates  earned!: 12 → 1,050 Learners\nCertificates earned: 0 → 1,050 learners',
    );
    plan.indicators[1] = { ...plan.indicators[0]!, id: 'i-cert-2', subjectIds: ['lm-skills'] };
    expect(logframeCell()).toBe('Certificates earned: 0 → 1,050 learners');
  });

  it('gives each indicator of the Excel sheet the number of its result', async () => {
    const plan = smallPlan();
    expect(Object.fromEntries(resultNumbersByIndicator(resultsFramework(plan)))).toEqual({
      'i-neet': ['1'],
      'i-hired': ['1.1', '1.1.a'],
      'i-cert': ['1.2'],
      'i-cert-2': ['1.2'],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildPlanXlsx(samplePlan(), exportOptions())).slice().buffer);
    const sheet = wb.getWorksheet('Indicators')!;
    const headings = (sheet.getRow(1).values as unknown[]).map(String);
    const id = headings.indexOf('ID');
    const result = headings.indexOf('Result no.');
    expect(result).toBeGreaterThan(id);
    const byId = new Map<string, string>();
    sheet.eachRow((row, n) => {
      if (n > 1) byId.set(String(row.getCell(id).value), String(row.getCell(result).value));
    });
    expect(byId.get('ind-invitations')).toBe('1.7.a');
    expect(byId.get('ind-neet-reengaged')).toBe('1');
    expect(byId.get('ind-retention-12m')).toBe('1.1');
  });
});
