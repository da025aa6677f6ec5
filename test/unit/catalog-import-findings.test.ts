/**
 * Catalog import, the faults a new user met (issue 11's follow-up findings
 * 1–7, 9, 10 and 15): a re-import keeps the planner's notes and says what
 * changes from what to what; repeats stay out of the fix-me CSV and the
 * CSV's formula guard never comes back; headings in any language; the app's
 * own export columns; decimal marks per column; costs in another currency;
 * rows shorter than the heading row; rows waiting for a choice.
 * Files in test/fixtures/imports/ are the new user's own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeUpdate,
  failedRowsCsv,
  guessMapping,
  mergeNotes,
  previewImport,
  splitList,
  type ColumnMapping,
  type ImportPreview,
  type RawTable,
} from '../../shared/content/catalog-import';
import {
  detectHeadingRow,
  readCatalogFile,
  type ReadResult,
} from '../../shared/content/import-file';
import {
  knownSkills,
  matchSkills,
  skillStem,
  type ImportChoices,
} from '../../shared/content/import-values';
import { decimalConvention, parseDecimalText } from '../../shared/numbers';
import { csvCell } from '../../shared/export/sanitize';
import { ContentItem } from '../../shared/plan/schema';

const dir = join(import.meta.dirname, '..', 'fixtures', 'imports');

async function read(name: string): Promise<Extract<ReadResult, { ok: true }>> {
  const result = await readCatalogFile(name, new Uint8Array(readFileSync(join(dir, name))));
  if (!result.ok) throw new Error(`${name}: ${result.message}`);
  return result;
}

async function readText(text: string, name = 'x.csv') {
  const result = await readCatalogFile(name, new TextEncoder().encode(text));
  if (!result.ok) throw new Error(result.message);
  return result;
}

const table = (headers: string[], rows: string[][]): RawTable => ({
  headers,
  rows,
  rowNumbers: rows.map((_, i) => i + 2),
});

/** The items a preview adds, with ids, as the plan would hold them. */
const added = (p: ImportPreview) =>
  p.ready.map((r, i) => ContentItem.parse({ ...r.item, id: `cat-${i + 1}` }));

/** The catalog after applying a preview's updates to `catalog`. */
const applied = (catalog: ContentItem[], p: ImportPreview) =>
  catalog.map((item) => {
    const u = p.updates.find((x) => x.id === item.id);
    return u ? ContentItem.parse({ ...item, ...u.patch, id: item.id }) : item;
  });

describe('re-import of a provider export (findings 1 and 2)', () => {
  // Kind, Level and Language values as the user matched them; Enrollments and Avg Rating kept in the notes.
  const choices: ImportChoices = {
    values: { level: { mixed: 'intermediate', débutant: 'beginner' }, kind: {} },
    keepInNotes: [6, 7],
  };

  it('keeps the planner’s notes and cost, replaces only the file’s own line, and says each change from → to', async () => {
    const v1 = await read('provider-export.xlsx');
    const mapping = guessMapping(v1.table.headers);
    expect(mapping).toMatchObject({ hours: 4, url: 9, skills: 8, languages: 5 });
    const first = previewImport(v1.table, mapping, [], undefined, choices, 'EUR');
    let catalog = added(first);
    const ads = catalog.find((c) => c.title === 'Applied Data Science')!;
    expect(ads.notes).toBe('Enrollments: 23,456; Avg Rating: 4.5');
    // The planner adds a line of their own and a cost.
    catalog = catalog.map((c) =>
      c.id === ads.id
        ? {
            ...c,
            notes: `${c.notes}\nPlanner note: funder prefers this; check Spanish subtitles.`,
            costPerLearner: 120,
          }
        : c,
    );

    const v2 = await read('provider-export-v2.xlsx');
    const second = previewImport(v2.table, mapping, catalog, undefined, choices, 'EUR');
    // Applied Data Science: the file's values did not change, so neither does the item.
    expect(second.unchanged.map((u) => u.id)).toContain(ads.id);
    expect(second.updates.map((u) => u.id)).not.toContain(ads.id);

    const byTitle = (t: string) => catalog.find((c) => c.title === t)!;
    const change = (t: string) => {
      const u = second.updates.find((x) => x.id === byTitle(t).id)!;
      return describeUpdate(byTitle(t), u.patch, 'EUR');
    };
    expect(change('Data Analysis with Spreadsheets')).toEqual([
      'Hours: 12.5 → 14',
      'Notes: “Enrollments: 5.3k; Avg Rating: 4.7” → “Enrollments: 6.1k; Avg Rating: 4.7”',
    ]);
    expect(change('Google-style IT Support')).toEqual(['Languages: English, Spanish → English']);

    // A planner line in an item the file does update stays too.
    const analysis = byTitle('Data Analysis with Spreadsheets');
    catalog = catalog.map((c) =>
      c.id === analysis.id ? { ...c, notes: `Check with the college first.\n${c.notes}` } : c,
    );
    const third = previewImport(v2.table, mapping, catalog, undefined, choices, 'EUR');
    const after = applied(catalog, third);
    expect(after.find((c) => c.id === analysis.id)!.notes).toBe(
      'Check with the college first.\nEnrollments: 6.1k; Avg Rating: 4.7',
    );
    expect(after.find((c) => c.id === ads.id)).toMatchObject({
      notes:
        'Enrollments: 23,456; Avg Rating: 4.5\nPlanner note: funder prefers this; check Spanish subtitles.',
      costPerLearner: 120,
    });
  });

  it('a title matched by URL says it changes; a difference of case or spaces only is no update', async () => {
    const existing = ContentItem.parse({
      id: 'cat-1',
      title: 'Data Analysis with Spreadsheets',
      provider: 'Corvane Learning',
      kind: 'course',
      level: 'beginner',
      hours: 15,
      skills: ['Spreadsheets', 'Data cleaning'],
    });
    const file = await read('case-space.csv');
    const p = previewImport(file.table, guessMapping(file.table.headers), [existing]);
    expect(p.updates).toEqual([]);
    expect(p.unchanged).toEqual([{ row: 2, id: 'cat-1' }]);

    const renamed = previewImport(
      table(
        ['Title', 'Provider', 'Kind', 'Level', 'URL'],
        [['Teamwork Basics', 'Corvane Learning', 'Course', 'Beginner', 'https://x.org/c/6']],
      ),
      guessMapping(['Title', 'Provider', 'Kind', 'Level', 'URL']),
      [{ ...existing, id: 'cat-6', title: 'Teamwork at Work', url: 'https://x.org/c/6' }],
    );
    expect(
      describeUpdate(
        { ...existing, id: 'cat-6', title: 'Teamwork at Work' },
        renamed.updates[0]!.patch,
      ),
    ).toEqual(['Title: “Teamwork at Work” → “Teamwork Basics”']);
  });

  it('never drops a line the planner wrote, whatever the file’s line holds (property)', () => {
    const line = fc
      .string({ minLength: 1, maxLength: 40 })
      .map((s) => s.replace(/\n/g, ' '))
      .filter((s) => s.trim() !== '' && !s.trimStart().startsWith('Enrollments: '));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 5 }),
        fc.string({ maxLength: 20 }).map((s) => s.replace(/\n/g, ' ')),
        fc.string({ minLength: 1, maxLength: 20 }).map((s) => s.replace(/\s/g, '-')),
        (planner, before, after) => {
          const current = [`Enrollments: ${before}`, ...planner].join('\n');
          const merged = mergeNotes(current, {
            mapped: null,
            extra: `Enrollments: ${after}`,
            keptHeadings: ['Enrollments'],
            whole: false,
          });
          for (const l of planner) expect(merged).toContain(l.trim());
          expect(merged).toContain(`Enrollments: ${after}`.trim());
          // The file's line once: the earlier import's is replaced, not kept beside it.
          expect(
            merged.split('\n').filter((l) => l.trimStart().startsWith('Enrollments: ')),
          ).toHaveLength(1);
        },
      ),
    );
  });
});

describe('the fix-me CSV (findings 3 and 15)', () => {
  it('leaves out a row that repeats an earlier one; a row waiting for a choice keeps the file’s reason', async () => {
    const v1 = await read('provider-export.xlsx');
    const p = previewImport(v1.table, guessMapping(v1.table.headers));
    const repeat = p.failed.find((f) => f.row === 11)!;
    expect(repeat.issues).toEqual([
      {
        row: 11,
        field: null,
        message: 'Same as row 5 in every column imported: left out, nothing to fix.',
        duplicateOf: 5,
      },
    ]);
    const csv = failedRowsCsv(v1.table, p);
    expect(csv).not.toContain('Row 11');
    expect(csv).toContain('Row 8: Level “Mixed” is not beginner, intermediate or advanced.');
    expect(p.failed.find((f) => f.row === 8)!.issues[0]).toMatchObject({
      message: 'Waiting for your choice for Level “Mixed” above.',
      waiting: true,
    });
  });

  it('reads back any cell the CSV guarded with an apostrophe as it was ("-", "=SUM(A1)", "@x") (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc
          .tuple(
            fc.constantFrom('=', '+', '-', '@'),
            fc.string({ maxLength: 12 }).filter((s) => !/[\r\n"]/.test(s) && s.trim() === s),
          )
          .map(([a, b]) => a + b),
        async (text) => {
          const csv = `Title,Enrollments\r\nA,${csvCell(text)}\r\n`;
          const read = await readText(csv);
          expect(read.table.rows[0]![1]).toBe(text);
        },
      ),
      { numRuns: 60 },
    );
    const read = await readText(`Title,Enrollments\r\nKubernetes Basics,'-\r\n`);
    const p = previewImport(read.table, guessMapping(read.table.headers), [], undefined, {
      kindForAll: 'course',
      levelForAll: 'beginner',
      keepInNotes: [1],
    });
    expect(p.ready[0]!.item.notes).toBe('Enrollments: -');
    expect(read.notes.join(' ')).toMatch(/apostrophe .* read without it/);
  });
});

describe('headings in any language (finding 4)', () => {
  it('semicolon-1252.csv: the German heading row 2, every column mapped, all four rows read', async () => {
    const file = await read('semicolon-1252.csv');
    expect(file.headerRow).toBe(2);
    const mapping = guessMapping(file.table.headers);
    expect(mapping).toMatchObject({
      title: 0,
      provider: 1,
      kind: 2,
      level: 3,
      hours: 4,
      languages: 5,
    });
    const p = previewImport(file.table, mapping, [], undefined, {
      values: { level: { mixed: 'intermediate' } },
    });
    expect(
      p.ready.map((r) => [r.row, r.item.title, r.item.kind, r.item.level, r.item.hours]),
    ).toEqual([
      [3, 'Grundlagen der Datenanalyse', 'course', 'beginner', 12.5],
      [4, 'Café & Küche Hygiene', 'course', 'beginner', 3],
      [5, 'Résumé & Bewerbung', 'course', 'intermediate', 2.25],
      [6, 'Crème de la Data', 'skillSet', 'intermediate', 40],
    ]);
  });

  it('French, Spanish and Dutch headings are named', () => {
    expect(
      guessMapping(['Titre', 'Fournisseur', 'Durée', 'Coût', 'Langue', 'Compétences']),
    ).toMatchObject({
      title: 0,
      provider: 1,
      hours: 2,
      costPerLearner: 3,
      languages: 4,
      skills: 5,
    });
    expect(
      guessMapping(['Título', 'Proveedor', 'Duración', 'Costo', 'Idioma', 'Nivel']),
    ).toMatchObject({
      title: 0,
      provider: 1,
      hours: 2,
      costPerLearner: 3,
      languages: 4,
      level: 5,
    });
    expect(guessMapping(['Naam', 'Aanbieder', 'Duur', 'Prijs', 'Taal', 'Niveau'])).toMatchObject({
      title: 0,
      provider: 1,
      hours: 2,
      costPerLearner: 3,
      languages: 4,
      level: 5,
    });
  });

  it('finds the heading row by its shape, whatever its words, below a title line (property)', () => {
    const word = fc.stringMatching(/^[A-Za-zÀ-ÿ]{2,12}$/);
    fc.assert(
      fc.property(
        fc.uniqueArray(word, { minLength: 3, maxLength: 8, selector: (w) => w.toLowerCase() }),
        fc.integer({ min: 1, max: 6 }),
        fc.boolean(),
        (headings, rowCount, titleLine) => {
          const data = Array.from({ length: rowCount }, (_, r) =>
            headings.map((_, c) =>
              c === 1 ? String((r + 1) * 1.5).replace('.', ',') : `v${r}x${c}`,
            ),
          );
          const cells = [...(titleLine ? [['Report of 28.11.2026']] : []), headings, ...data];
          const index = detectHeadingRow({
            cells,
            rowNumbers: cells.map((_, i) => i + 1),
            cellIssues: [],
          });
          expect(index).toBe(titleLine ? 1 : 0);
        },
      ),
    );
  });
});

describe('headings as platforms and the app write them (finding 5)', () => {
  it('maps "Est. Hours", "Course URL" and the app’s own export columns, "Internal notes" and "ID" included', () => {
    expect(guessMapping(['Course Name', 'Est. Hours', 'Course URL'])).toMatchObject({
      title: 0,
      hours: 1,
      url: 2,
    });
    const own = [
      'ID',
      'Title',
      'Provider',
      'Kind',
      'Level',
      'Hours',
      'Languages',
      'Skills',
      'Cost per learner',
      'Link',
      'Internal notes',
    ];
    expect(guessMapping(own)).toEqual({
      id: 0,
      title: 1,
      provider: 2,
      kind: 3,
      level: 4,
      hours: 5,
      languages: 6,
      skills: 7,
      costPerLearner: 8,
      url: 9,
      notes: 10,
    });
    // A provider's own "Course ID" is not ours.
    expect(guessMapping(['Course ID', 'Title']).id).toBeNull();
    // Generic words name a field only as the whole heading.
    expect(guessMapping(['Instructor name', 'Course description']).title).toBeNull();
    expect(guessMapping(['Instructor name', 'Course description']).notes).toBe(1);
  });

  it('the app’s own catalog sheet, re-imported with edits: matched by ID (even renamed), unchanged rows unchanged, notes as written', () => {
    const items = [
      ContentItem.parse({
        id: 'cat-a',
        title: 'SQL Basics',
        provider: 'Alderwick',
        kind: 'professionalCertificate',
        level: 'intermediate',
        hours: 12.5,
        languages: ['English', 'Spanish'],
        skills: ['SQL', 'Data cleaning'],
        costPerLearner: 200,
        url: 'https://x.org/sql',
        notes: 'Funder likes it.\nCheck subtitles.',
      }),
      ContentItem.parse({ id: 'cat-b', title: 'Python', provider: 'Alderwick', notes: 'Keep.' }),
    ];
    const headers = [
      'ID',
      'Title',
      'Provider',
      'Kind',
      'Level',
      'Hours',
      'Languages',
      'Skills',
      'Cost per learner',
      'Link',
      'Internal notes',
    ];
    const p = previewImport(
      table(headers, [
        [
          'cat-a',
          'SQL Basics',
          'Alderwick',
          'Professional certificate',
          'Intermediate',
          '12.5',
          'English, Spanish',
          'SQL, Data cleaning',
          '200',
          'https://x.org/sql',
          'Funder likes it.\nCheck subtitles.',
        ],
        [
          'cat-b',
          'Python for All',
          'Alderwick',
          'Course',
          'Beginner',
          '',
          '',
          '',
          '',
          '',
          'Rewritten.',
        ],
      ]),
      guessMapping(headers),
      items,
    );
    expect(p.ready).toEqual([]);
    expect(p.unchanged).toEqual([{ row: 2, id: 'cat-a' }]);
    expect(p.updates).toEqual([
      {
        row: 3,
        id: 'cat-b',
        title: 'Python',
        patch: { title: 'Python for All', notes: 'Rewritten.' },
      },
    ]);
  });
});

describe('decimal marks per column (finding 6)', () => {
  it('eu-numbers.csv: "1,250" hours is 1.25 where the column’s comma is decimal, and the preview says so', async () => {
    const file = await read('eu-numbers.csv');
    const p = previewImport(file.table, guessMapping(file.table.headers));
    expect(p.ready.map((r) => [r.item.hours, r.item.costPerLearner])).toEqual([
      [12.5, 1200],
      [1.25, 95.5],
    ]);
    expect(p.notes).toEqual([
      'Hours: read with a decimal comma, as in “12,5”; “1,250” is 1.25 and “1.200” is 1200.',
      'Cost per learner: read with a decimal comma, as in “1.200,00”; “1,250” is 1.25 and “1.200” is 1200.',
    ]);
  });

  it('a column of decimal points reads "1,250" as 1250; a column typed both ways reads each value by its own mark, and says so', () => {
    const headers = ['Title', 'Kind', 'Level', 'Hours'];
    const rows = (hours: string[]) =>
      table(
        headers,
        hours.map((h, i) => [`T${i}`, 'Course', 'Beginner', h]),
      );
    const points = previewImport(rows(['1.5', '1,250', '2.5']), guessMapping(headers));
    expect(points.ready.map((r) => r.item.hours)).toEqual([1.5, 1250, 2.5]);
    expect(points.notes).toBeUndefined();
    // The provider export: "12,5" beside "1.5", each read as typed; "1,250" is then a whole number.
    const mixed = previewImport(rows(['12,5', '1.5', '1,250', '180']), guessMapping(headers));
    expect(mixed.ready.map((r) => r.item.hours)).toEqual([12.5, 1.5, 1250, 180]);
    expect(mixed.notes).toEqual([
      'Hours: the column mixes decimal commas and decimal points; each value is read by its own mark, and “1,250” is 1250. Check the values in the file.',
    ]);
  });

  it('reads back any column of numbers written in either convention (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 9_999_999 }), { minLength: 1, maxLength: 20 }),
        fc.constantFrom('de-DE', 'en-GB'),
        (cents, locale) => {
          const values = cents.map((c) => c / 100);
          const texts = values.map((v) =>
            v.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
          );
          const { mark } = decimalConvention(texts);
          expect(mark).toBe(locale === 'de-DE' ? ',' : '.');
          expect(texts.map((t) => parseDecimalText(t, mark ?? undefined))).toEqual(values);
        },
      ),
    );
  });
});

describe('costs in another currency (finding 7)', () => {
  it('costs.csv in a EUR plan: "$49" is not taken as euros; euro amounts and plain numbers are', async () => {
    const file = await read('costs.csv');
    const mapping: ColumnMapping = guessMapping(file.table.headers);
    const p = previewImport(file.table, mapping, [], undefined, {}, 'EUR');
    const cost = (title: string) =>
      p.ready.find((r) => r.item.title === title)?.item.costPerLearner;
    expect([
      cost('Cost A'),
      cost('Cost B'),
      cost('Cost C'),
      cost('Cost D'),
      cost('Cost E'),
    ]).toEqual([95, 95, 1200, 0, null]);
    const row = p.failed.find((f) => f.row === 7)!;
    expect(row.issues).toEqual([
      {
        row: 7,
        field: 'costPerLearner',
        message:
          'Cost per learner “$49” is in dollars, not EUR as the plan’s budget: convert it in the file, or leave the column out.',
      },
    ]);
    // In a dollar plan the same row is taken, and a euro amount is not.
    const usd = previewImport(file.table, mapping, [], undefined, {}, 'USD');
    expect(usd.ready.find((r) => r.item.title === 'Cost F')?.item.costPerLearner).toBe(49);
    expect(usd.failed.map((f) => f.row)).toEqual(expect.arrayContaining([2, 3]));
    // A plan without a currency yet takes the amounts and says in what they are.
    const none = previewImport(file.table, mapping, [], undefined, {}, null);
    expect(none.ready.find((r) => r.item.title === 'Cost F')?.item.costPerLearner).toBe(49);
    expect(none.notes).toEqual([
      'Cost per learner: the file gives amounts in EUR and dollars, and the plan has no currency yet; they are taken as written. Choose the plan’s currency in the budget on the Objective page.',
    ]);
  });
});

describe('rows shorter or longer than the heading row (finding 9)', () => {
  it('counts them and says what it means', async () => {
    const short = await readText(
      'Title,Provider,Kind,Level,Hours,Languages,Skills,Enrolments,Rating\n' +
        'A,P,Course,Beginner,1.5,English,2.1k,3.1\n' +
        'B,P,Course,Beginner,2.5,English,3.2k,3.2\n',
    );
    expect(short.notes).toContain(
      'All 2 rows have fewer cells than the heading row (8 instead of 9): a value may be missing or sit under the wrong heading. Check the columns below and the sample rows.',
    );
    const long = await readText('Title,Hours\nA,1\nB,2,extra\n');
    expect(long.notes).toContain(
      '1 row has more cells than the heading row: the cells past the last heading have no column and are not imported.',
    );
    const even = await readText('Title,Hours\nA,1\nB,2\n');
    expect(even.notes.join(' ')).not.toMatch(/cells than the heading row/);
  });
});

describe('skills the plan has under another spelling (finding 8)', () => {
  const existing = [
    ContentItem.parse({
      id: 'cat-1',
      title: 'Data Analysis with Spreadsheets',
      provider: 'Corvane Learning',
      skills: ['Spreadsheets', 'Data cleaning', 'SQL'],
    }),
  ];

  it('case-space.csv: "Spreadsheet", "sql" and "Python 3" become the plan’s "Spreadsheets", "SQL" and "Python"; the table lists the two spelt otherwise', async () => {
    const file = await read('case-space.csv');
    const mapping = guessMapping(file.table.headers);
    const p = previewImport(file.table, mapping, existing, undefined, {}, null, ['Python']);
    expect(p.ready.map((r) => r.item.skills)).toEqual([['Spreadsheets', 'SQL', 'Python']]);
    const known = knownSkills(['Python', 'Spreadsheets', 'Data cleaning', 'SQL']);
    expect(matchSkills(file.table.rows, mapping.skills, known, splitList)).toEqual({
      matches: [
        { text: 'Python 3', key: 'python3', rows: 1, suggested: 'Python' },
        { text: 'Spreadsheet', key: 'spreadsheet', rows: 1, suggested: 'Spreadsheets' },
      ],
      newSkills: 0,
    });
    // The user keeps "Python 3" as a skill of its own.
    const chosen = previewImport(
      file.table,
      mapping,
      existing,
      undefined,
      { values: { skills: { python3: 'Python 3' } } },
      null,
      ['Python'],
    );
    expect(chosen.ready[0]!.item.skills).toEqual(['Spreadsheets', 'SQL', 'Python 3']);
  });

  it('a stem ignores case, accents, punctuation, a plural and a trailing version (property)', () => {
    fc.assert(
      fc.property(
        fc
          .stringMatching(/^[a-z]{4,10}$/)
          // ("cookies" → "cooky": a plural in -ies is taken as one of -y, like "skills" → "skill")
          .filter((w) => !/(s|y|ie)$/.test(w)),
        fc.integer({ min: 1, max: 2030 }),
        (word, version) => {
          const stem = skillStem(word);
          expect(skillStem(`${word}s`)).toBe(stem);
          expect(skillStem(word.toUpperCase())).toBe(stem);
          expect(skillStem(`${word} ${version}`)).toBe(stem);
          expect(skillStem(`${word}-${word}`)).toBe(`${stem} ${stem}`);
        },
      ),
    );
  });
});
