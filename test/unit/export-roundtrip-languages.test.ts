/**
 * Import from Excel speaks the planner's language (issue 15): what reading a
 * workbook found — problems, notes, refusals and the values of each change —
 * is written in the UI language, whatever language the workbook is in, while
 * sheet names and headings are quoted as the workbook writes them, so the
 * planner can find the cell.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  readRoundTripWorkbook,
  type RoundTripPreview,
  type RoundTripResult,
} from '../../shared/export/roundtrip';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import type { Language } from '../../shared/i18n/languages';
import type { Plan } from '../../shared/plan/schema';
import { bytesOf, col, exportOptions, rowOf, samplePlan } from './export-helpers';

const english = samplePlan();
const inLanguage = (language: Language): Plan => ({ ...english, documentLanguage: language });

async function exported(plan: Plan): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildPlanXlsx(plan, exportOptions())).slice().buffer);
  return wb;
}

function preview(result: RoundTripResult): RoundTripPreview {
  if (!result.ok) throw new Error([result.message, ...result.details].join('\n'));
  return result.preview;
}

/** Sentences that only the English catalog writes. */
const ENGLISH = /\b(sheet|row|column|is not|are not|stay as they are|the plan)\b/;

/**
 * A workbook with the edits a recipient makes: a column of their own, a word
 * in a score, a changed stance and a changed next checkpoint.
 */
async function edited(plan: Plan, words: { power: string; stance: string; comments: string }) {
  const wb = await exported(plan);
  const ws = findStakeholders(wb, plan);
  if (!ws) throw new Error('no stakeholders sheet');
  const first = plan.stakeholders.entries[0]!;
  const row = rowOf(ws, first.id);
  const extra = ws.actualColumnCount + 1;
  ws.getRow(1).getCell(extra).value = words.comments;
  row.getCell(col(ws, words.power)).value = 'alto';
  const stance = otherStance(ws, row, words.stance);
  row.getCell(col(ws, words.stance)).value = stance;
  return { wb, first, stance };
}

/** The Stakeholders sheet of an export, by its heading "ID" + name column (any language). */
function findStakeholders(wb: ExcelJS.Workbook, plan: Plan): ExcelJS.Worksheet | null {
  const id = plan.stakeholders.entries[0]!.id;
  return (
    wb.worksheets.find((ws) => {
      try {
        rowOf(ws, id);
        return true;
      } catch {
        return false;
      }
    }) ?? null
  );
}

/** Another stance label from the same column (so the change is a valid one in the workbook's words). */
function otherStance(ws: ExcelJS.Worksheet, row: ExcelJS.Row, heading: string): string {
  const c = col(ws, heading);
  const mine = String(row.getCell(c).value);
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(c).value;
    if (typeof v === 'string' && v !== mine) return v;
  }
  throw new Error('only one stance in the sheet');
}

describe('Import from Excel in the UI language', { timeout: 60_000 }, () => {
  it('reads a Spanish workbook and says what it found in Spanish, quoting its Spanish headings', async () => {
    const plan = inLanguage('es');
    const { wb, first, stance } = await edited(plan, {
      power: 'Poder (0–100)',
      stance: 'Postura actual',
      comments: 'Comentarios del financiador',
    });
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan, undefined, 'es'));
    expect(result.problems.map((p) => p.message)).toEqual([
      'Hoja Actores, fila 2, Poder (0–100): «alto» no es un número de 0 a 100.',
    ]);
    expect(result.problems[0]!.detail).toBe('Poder (0–100): «alto» no es un número de 0 a 100.');
    expect(result.notes).toContain(
      'Hoja Actores: la columna «Comentarios del financiador» no es una de las que exporta esta aplicación, así que se ignora: no se importa nada de ella.',
    );
    const change = result.stakeholders.changed.find((c) => c.id === first.id)!;
    expect(change.changes).toEqual([
      expect.objectContaining({ key: 'currentStance', label: 'Postura actual', after: stance }),
    ]);
    for (const text of [...result.notes, ...result.problems.map((p) => p.message)])
      expect(text).not.toMatch(ENGLISH);
  });

  it('reads an English workbook for an Arabic planner: Arabic sentences, English headings quoted', async () => {
    const { wb, first, stance } = await edited(english, {
      power: 'Power (0–100)',
      stance: 'Current stance',
      comments: 'Funder comments',
    });
    const result = preview(
      await readRoundTripWorkbook(await bytesOf(wb), english, undefined, 'ar'),
    );
    const [problem] = result.problems;
    expect(problem!.message).toBe(
      'ورقة Stakeholders، الصف 2، Power (0–100): «alto» ليس عددًا من 0 إلى 100.',
    );
    expect(result.notes.join('\n')).toContain('«Funder comments»');
    // The heading as the workbook writes it; the value in the planner's words.
    const [change] = result.stakeholders.changed.find((c) => c.id === first.id)!.changes;
    expect(change!.label).toBe('Current stance');
    expect(change!.after).not.toBe(stance);
    expect(change!.after).toMatch(/^[\u0600-\u06FF ]+$/);
    for (const text of [...result.notes, ...result.problems.map((p) => p.message)])
      expect(text).not.toMatch(ENGLISH);
  });

  it('compares the other sheets of an Arabic workbook row by row by their ID column', async () => {
    const plan = inLanguage('ar');
    const wb = await exported(plan);
    const catalog = wb.getWorksheet('فهرس المحتوى')!;
    const id = col(catalog, 'المعرّف');
    const added = catalog.getRow(catalog.rowCount + 1);
    added.getCell(id).value = 'item-added-by-recipient';
    added.getCell(id + 1).value = 'دورة أضافها المستلم';
    const result = preview(await readRoundTripWorkbook(await bytesOf(wb), plan, undefined, 'ar'));
    const note = result.notes.find((n) => n.startsWith('ورقة فهرس المحتوى'));
    // Read by ID, the new row is one row not in the plan (by position it would be cells that differ).
    expect(note).toContain('صف واحد ليست في الخطة');
    expect(note).not.toContain('تختلف');
  });

  it('words a refusal in the UI language, naming the file as given', async () => {
    const empty = await readRoundTripWorkbook(new Uint8Array(), english, 'plan.xlsx', 'uk');
    expect(empty).toEqual({ ok: false, message: '«plan.xlsx» порожній.', details: [] });
    const unnamed = await readRoundTripWorkbook(
      new TextEncoder().encode('a,b'),
      english,
      undefined,
      'fr',
    );
    expect(unnamed.ok).toBe(false);
    if (!unnamed.ok) expect(unnamed.message).toMatch(/^Le fichier n’est pas un classeur Excel/);
    // English stays the default, word for word.
    const english1 = await readRoundTripWorkbook(new Uint8Array(), english);
    expect(english1).toEqual({ ok: false, message: 'The file is empty.', details: [] });
  });
});
