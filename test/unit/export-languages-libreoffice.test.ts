/**
 * Documents in the plan's language, read back by LibreOffice (issue 15): the
 * Spanish and the Arabic worked examples exported to Word and Excel in their
 * document language. LibreOffice's own reading of each file must give the
 * chapter headings, cover words and sheet names in that language; the Arabic
 * Word file's headings and body paragraphs are right to left (writing mode
 * rl-tb in the flat ODF LibreOffice writes), its Arabic text in a font that
 * has Arabic letters, and its sheets right to left; the Spanish ones are left
 * to right. The workbooks' dates show the language's month names whatever the
 * reader's own settings. Page images land in test-results/export-languages/ for a person
 * to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import { buildPlanDocx } from '../../shared/export/docx';
import type { Rasterize } from '../../shared/export/options';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { createTranslator } from '../../shared/i18n/translator';
import { EXAMPLE_PLANS } from '../../shared/plan/examples';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, xmlUnescape } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-lo-languages-'));
const profile = `file://${join(work, 'profile')}`;
const pages = join(root, 'test-results', 'export-languages');
let rasterize: Rasterize;

/** The bundled example written in a language (not a translation's original). */
function exampleIn(language: 'es' | 'ar'): Plan {
  const example = EXAMPLE_PLANS.find((e) => e.language === language)!;
  const read = readPlanFile(
    readFileSync(join(root, 'resources', 'sample-plans', example.file), 'utf8'),
  );
  if (!read.ok) throw new Error(read.message);
  return read.plan;
}

/** Converts a file with LibreOffice (one profile, one at a time) and returns the output path. */
function convert(file: string, to: string, extension: string): string {
  const out = join(work, `${extension}-${Date.now()}`);
  mkdirSync(out, { recursive: true });
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', out, file],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const base = file
    .split('/')
    .pop()!
    .replace(/\.[^.]+$/, '');
  return join(out, `${base}.${extension}`);
}

/** Text collapsed to single spaces, as LibreOffice's plain-text export wraps nothing but may space differently. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Writing modes of the paragraphs holding `text` in a flat ODF document:
 * each paragraph's style (automatic or named, following parents) is looked
 * up for `style:writing-mode`.
 */
function writingModesOf(fodt: string, text: string): string[] {
  const styles = new Map<string, { mode: string | null; parent: string | null }>();
  for (const m of fodt.matchAll(/<style:style ([^>]*?)(?:\/>|>([\s\S]*?)<\/style:style>)/g)) {
    const name = /style:name="([^"]+)"/.exec(m[1]!)?.[1];
    if (!name) continue;
    styles.set(name, {
      mode: /style:writing-mode="([^"]+)"/.exec(m[2] ?? '')?.[1] ?? null,
      parent: /style:parent-style-name="([^"]+)"/.exec(m[1]!)?.[1] ?? null,
    });
  }
  const modeOf = (style: string): string => {
    for (let s: string | null = style, i = 0; s && i < 20; i++) {
      const entry = styles.get(s);
      if (!entry) break;
      if (entry.mode) return entry.mode;
      s = entry.parent;
    }
    return 'page';
  };
  const modes: string[] = [];
  for (const m of fodt.matchAll(
    /<text:(?:p|h) text:style-name="([^"]+)"[^>]*(?<!\/)>([\s\S]*?)<\/text:(?:p|h)>/g,
  )) {
    const plain = m[2]!.replace(/<[^>]+>/g, '');
    if (plain.includes(text)) modes.push(modeOf(m[1]!));
  }
  return modes;
}

beforeAll(async () => {
  rasterize = await createNodeRasterizer();
  rmSync(pages, { recursive: true, force: true });
  mkdirSync(pages, { recursive: true });
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!existsSync(SOFFICE))(
  'documents in the plan’s language, read by LibreOffice',
  { timeout: 300_000 },
  () => {
    it.each(['es', 'ar'] as const)('the %s worked example in Word and Excel', async (language) => {
      const plan = exampleIn(language);
      expect(plan.documentLanguage).toBe(language);
      const { t } = await createTranslator(language);
      const rtl = language === 'ar';

      // Word: every chapter heading and the cover in the plan's language.
      const docxFile = join(work, `example-${language}.docx`);
      writeFileSync(docxFile, await buildPlanDocx(plan, exportOptions({ rasterize })));
      const fodt = readFileSync(convert(docxFile, 'fodt', 'fodt'), 'utf8');
      const body = fodt.slice(fodt.indexOf('<office:body>'));
      const text = squash(
        xmlUnescape(
          body
            .replace(/<text:s(?: text:c="\d+")?\/>|<text:tab\/>|<\/text:(?:p|h)>/g, ' ')
            .replace(/<[^>]+>/g, ''),
        ),
      );
      const headings = [
        t('document:chapters.objective'),
        t('document:chapters.theoryOfChange'),
        t('document:chapters.logicModel'),
        t('document:chapters.stakeholders'),
        t('document:chapters.pathways'),
        t('document:chapters.marketing'),
        t('document:chapters.kpis'),
      ];
      for (const heading of [...headings, t('document:cover.contents'), plan.name])
        expect(text).toContain(squash(heading));
      expect(text).not.toContain('Theory of change');
      expect(text).not.toContain('Stakeholders and engagement');

      // Direction, as LibreOffice understood the file: headings and the objective right to left in Arabic only.
      const statement = plan.objective.changeSought.slice(0, 30);
      const modes = [...headings, statement].map(
        (text) => [text, writingModesOf(fodt, text)] as const,
      );
      for (const [text, found] of modes) {
        expect(found.length, text).toBeGreaterThan(0);
        // Left to right is the page's default or said outright.
        const wanted = rtl ? ['rl-tb'] : ['page', 'lr-tb'];
        expect(
          found.filter((mode) => !wanted.includes(mode)),
          `${text}: ${found.join(' ')}`,
        ).toEqual([]);
      }
      if (rtl) {
        // Arabic letters are set in a font that has them (the styles' complex-script font).
        expect(fodt).toMatch(/style:font-name-complex="Noto Naskh Arabic"/);
      }

      // The pages, for a person to look at.
      const pdf = convert(docxFile, 'pdf', 'pdf');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '50',
        '-f',
        '1',
        '-l',
        '8',
        pdf,
        join(pages, `word-${language}`),
      ]);

      // Excel: sheet names in the language, each sheet right to left in Arabic.
      const xlsxFile = join(work, `example-${language}.xlsx`);
      writeFileSync(xlsxFile, await buildPlanXlsx(plan, exportOptions()));
      const fods = readFileSync(convert(xlsxFile, 'fods', 'fods'), 'utf8');
      const sheets = [
        ...fods.matchAll(/<table:table table:name="([^"]+)" table:style-name="([^"]+)"/g),
      ];
      const names = sheets.map((s) => s[1]!);
      for (const sheet of [
        'summary',
        'theoryOfChange',
        'logframe',
        'indicators',
        'stakeholders',
      ] as const)
        expect(names).toContain(t(`workbook:sheets.${sheet}`));
      for (const [, , style] of sheets) {
        const props = new RegExp(
          `<style:style style:name="${style}" style:family="table"[^>]*>\\s*<style:table-properties([^>]*)>`,
        ).exec(fods)?.[1];
        expect(props ?? '').toContain(
          rtl ? 'style:writing-mode="rl-tb"' : 'style:writing-mode="lr-tb"',
        );
      }
      // Dates show the document language's month names, not the reader's (LibreOffice runs in English here).
      const dates = [
        ...fods.matchAll(/office:value-type="date"[^>]*>\s*<text:p>([^<]+)<\/text:p>/g),
      ].map((m) => m[1]!);
      expect(dates.length).toBeGreaterThan(0);
      for (const date of dates) {
        expect(date).not.toMatch(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/);
        expect(date).toMatch(
          rtl
            ? /^\d{1,2} [\u0600-\u06FF]+ \d{4}$/
            : /^\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.? \d{4}$/,
        );
      }
    });
  },
);
