/**
 * The Excel export printed by LibreOffice (xlsx → PDF), as a reader of the
 * printout sees it: no text drawn over other text (wrapped cells overprinted
 * the rows below when no row height was stored), bold set in the sans font
 * (a nameless font printed in a serif fallback), every page with its header.
 * Page images land in test-results/export-pages-xlsx/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { multilingualPlan } from '../helpers/multilingual-plan';
import { exportOptions, samplePlan, xmlUnescape } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-lo-xlsx-'));
const profile = `file://${join(work, 'profile')}`;

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The workbook printed to PDF by LibreOffice (one instance at a time, a private profile). */
function printed(bytes: Uint8Array, name: string): string {
  const file = join(work, `${name}.xlsx`);
  writeFileSync(file, bytes);
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      file,
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return join(work, `${name}.pdf`);
}

interface Word {
  readonly page: number;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly text: string;
}

/** Every word of a PDF with its box, as pdftotext finds it. */
function words(pdf: string): Word[] {
  const html = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', pdf, '-'], {
    encoding: 'utf8',
    // Every word with its box: a workbook of some tens of pages is more than the default 1 MB.
    maxBuffer: 256 * 1024 * 1024,
  });
  return html
    .split('<page ')
    .slice(1)
    .flatMap((page, i) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        page: i + 1,
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
        text: xmlUnescape(m[5]!),
      })),
    );
}

/**
 * Pairs of words of different lines drawn over each other: their boxes
 * share more than 45% of the smaller one's height and some width. (Boxes of
 * the lines of one paragraph touch by a point or three, ascenders over
 * descenders; a word clipped at a column edge, which pdftotext reports
 * whole, reaches a point or two into the next cell.)
 */
function overprinted(all: readonly Word[]): string[] {
  const out: string[] = [];
  const pages = new Map<number, Word[]>();
  for (const w of all) {
    if (!pages.has(w.page)) pages.set(w.page, []);
    pages.get(w.page)!.push(w);
  }
  for (const [page, list] of pages) {
    const sorted = [...list].sort((a, b) => a.y0 - b.y0);
    sorted.forEach((a, i) => {
      for (const b of sorted.slice(i + 1)) {
        if (b.y0 >= a.y1) break;
        const high = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
        const wide = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
        if (
          Math.abs(a.y0 - b.y0) > 1 &&
          wide > 2 &&
          high > 0.45 * Math.min(a.y1 - a.y0, b.y1 - b.y0)
        )
          out.push(`page ${page}: "${a.text}" and "${b.text}"`);
      }
    });
  }
  return out;
}

/** The fonts a PDF uses, by name. */
function fonts(pdf: string): string[] {
  return execFileSync('pdffonts', [pdf], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''))
    .filter(Boolean);
}

describe.skipIf(!existsSync(SOFFICE))(
  'the Excel export printed by LibreOffice',
  { timeout: 240_000 },
  () => {
    it('sees overprinting where it happens (a workbook without row heights)', async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Without heights');
      ws.columns = [
        { width: 12 },
        { width: 30, style: { alignment: { wrapText: true, vertical: 'top' } } },
      ];
      for (let i = 1; i < 8; i++)
        ws.addRow([`Row ${i}`, `A long description ${i} that wraps over several lines in print.`]);
      const pdf = printed(new Uint8Array(await wb.xlsx.writeBuffer()), 'without-heights');
      expect(overprinted(words(pdf)).length).toBeGreaterThan(5);
    });

    it('prints the sample workbook without overprinting, bold in the sans font, every page headed', async () => {
      const plan = samplePlan();
      const pdf = printed(await buildPlanXlsx(plan, exportOptions()), 'sample');
      const all = words(pdf);
      expect(overprinted(all)).toEqual([]);
      // Carlito is Calibri's metric twin: regular and bold, and no serif fallback.
      const used = fonts(pdf);
      expect(used).toEqual(expect.arrayContaining(['Carlito', 'Carlito-Bold']));
      expect(used.filter((f) => /serif|times|tinos|roman/i.test(f) && !/sans/i.test(f))).toEqual(
        [],
      );
      // Each page carries its header: the program name and the sheet.
      const pages = Math.max(...all.map((w) => w.page));
      expect(pages).toBeGreaterThan(8);
      const text = (page: number) =>
        all
          .filter((w) => w.page === page)
          .map((w) => w.text)
          .join(' ');
      for (let page = 1; page <= pages; page++) {
        expect(text(page)).toContain(plan.objective.programName);
        expect(text(page)).toContain(`Page ${page} of ${pages}`);
      }
      // Every page as an image, for a person to look at.
      const images = join(root, 'test-results', 'export-pages-xlsx');
      rmSync(images, { recursive: true, force: true });
      mkdirSync(images, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(images, 'sample')]);
      expect(readdirSync(images).length).toBe(pages);
    });

    it('prints a multilingual workbook (Arabic, Chinese, emoji) without overprinting', async () => {
      const pdf = printed(await buildPlanXlsx(multilingualPlan(), exportOptions()), 'multilingual');
      const all = words(pdf);
      expect(all.some((w) => /[\u0600-\u06ff]/.test(w.text))).toBe(true);
      expect(all.some((w) => /[\u4e00-\u9fff]/.test(w.text))).toBe(true);
      expect(overprinted(all)).toEqual([]);
      const images = join(root, 'test-results', 'export-pages-xlsx');
      mkdirSync(images, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(images, 'multilingual')]);
    });
  },
);
