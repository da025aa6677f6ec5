/**
 * Catalog import and make-or-buy scoring (issue 4 of 5). Both are pure
 * functions in shared/, so they are timed in Node: the XLSX is generated in
 * memory with exceljs, then read (zip checks + exceljs) and validated exactly
 * as the app's import worker does.
 */
import ExcelJS from 'exceljs';
import { guessMapping, previewImport } from '../../../shared/content/catalog-import';
import { readCatalogFile } from '../../../shared/content/import-file';
import { scoreDecision, type ScoringInput } from '../../../shared/content/makeorbuy';
import { atMost, median, type BenchSuite } from '../metrics';

async function catalogWorkbook(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Catalog');
  ws.addRow(['Title', 'Provider', 'Kind', 'Skills', 'Level', 'Hours', 'Languages', 'Cost', 'URL']);
  const kinds = ['Course', 'Professional certificate', 'Guided project', 'Clip', 'Skill set'];
  const levels = ['Beginner', 'Intermediate', 'Advanced'];
  for (let i = 0; i < rows; i++)
    ws.addRow([
      `Course ${i}: Applied digital skills module`,
      `Provider ${i % 40}`,
      kinds[i % kinds.length],
      'SQL; Data cleaning; Spreadsheets',
      levels[i % levels.length],
      (i % 60) + 0.5,
      'English; Spanish',
      i % 7 === 0 ? 'EUR 95' : 0,
      `https://example.org/catalog/${i}`,
    ]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function decision(criteria: number, raters: number): ScoringInput {
  const cs = Array.from({ length: criteria }, (_, i) => ({
    id: `c${i}`,
    label: `Criterion ${i}`,
    favours: i % 2 ? ('make' as const) : ('buy' as const),
    weight: 1 + ((i * 7) % 20),
  }));
  const rs = Array.from({ length: raters }, (_, r) => ({ id: `r${r}`, name: `Rater ${r}` }));
  const ratings = Object.fromEntries(
    rs.map((r, ri) => [r.id, Object.fromEntries(cs.map((c, i) => [c.id, ((i * 3 + ri) % 5) + 1]))]),
  );
  return { criteria: cs, raters: rs, ratings, includeHybrid: true };
}

/** catalog.import_ms.rows10000 and makebuy.score_ms. */
export const contentSuite: BenchSuite = {
  name: 'content',
  metrics: [
    { name: 'catalog.import_ms.rows10000', unit: 'ms', limit: 2000 },
    { name: 'makebuy.score_ms', unit: 'ms', limit: 5 },
  ],
  async run() {
    const bytes = await catalogWorkbook(10_000);
    const imports: number[] = [];
    for (let run = 0; run < 5; run++) {
      const start = performance.now();
      const read = await readCatalogFile('catalog.xlsx', bytes);
      if (!read.ok) throw new Error(read.message);
      const preview = previewImport(read.table, guessMapping(read.table.headers));
      imports.push(performance.now() - start);
      if (preview.ready.length !== 10_000) throw new Error('The bench workbook did not import.');
    }

    const input = decision(50, 10);
    for (let i = 0; i < 20; i++) scoreDecision(input); // warm up the JIT
    const scores: number[] = [];
    for (let run = 0; run < 200; run++) {
      const start = performance.now();
      scoreDecision(input);
      scores.push(performance.now() - start);
    }

    return [
      atMost(
        'catalog.import_ms.rows10000',
        median(imports),
        2000,
        'ms',
        `XLSX ${(bytes.length / 1024).toFixed(0)} KB, zip checks + exceljs + validation, median of 5 (Node)`,
      ),
      {
        ...atMost(
          'makebuy.score_ms',
          median(scores),
          5,
          'ms',
          '50 criteria × 10 raters, incl. sensitivity, median of 200 (Node)',
        ),
        value: Math.round(median(scores) * 1000) / 1000,
      },
    ];
  },
};
