/**
 * Invitation planner (issue 13) as a launch coordinator uses it, by role and
 * label: set the licences and see the invitations needed, split them into
 * two waves, import an invitation list with a bad e-mail, a row without a
 * name and a duplicate (left out, counted, the bad rows downloadable with a
 * reason), export a wave's bulk-invite CSV and read it back, and check the
 * personal-data rule: no imported e-mail address is in the plan file, the
 * Word document or the Excel workbook. Deleting the list is one step.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot } from './browser';
import { exportEveryFormat, expectNoneIn } from './personal-data';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const scratch = mkdtempSync(join(tmpdir(), 'upskill-invitations-'));

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** The people in the file: 6 good rows, a bad e-mail, a row without a name, a duplicate, a blank row. */
const LIST = [
  'First name,Last name,Email,Segment',
  'Amina,Okafor,amina.okafor@example.org,NEET',
  'Ben,Hughes,ben.hughes@example.org,Graduates',
  'Chloe,Martin,chloe.martin@example.org,NEET',
  'Dev,Patel,dev.patel@example.org,Underemployed',
  'Eva,Novak,eva.novak@example.org,Graduates',
  'Farah,Ali,farah.ali@example.org,Parents',
  'Gil,Stone,gil.stone@example,NEET',
  ',,no.name@example.org,NEET',
  'Amina,Okafor, AMINA.OKAFOR@example.org ,NEET',
  ',,,',
];
const GOOD = LIST.slice(1, 7).map((l) => l.split(',')[2]!);

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const waiting = page.waitForEvent('download', { timeout: 60_000 });
  await click();
  const d = await waiting;
  const file = join(scratch, d.suggestedFilename());
  await d.saveAs(file);
  return file;
}

async function chooseFile(page: Page, dialog: Locator, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await (await chooser).setFiles(path);
}

/** CSV text into rows (no quoted commas in these files). */
const rowsOf = (text: string) =>
  text
    .replace(/^\ufeff/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((l) => l.split(','));

describe('invitation planner', () => {
  it('plans invitations, imports a list with bad and duplicate rows, exports a wave and keeps e-mails out of the plan', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
    await page.getByRole('link', { name: /^Invitations/ }).click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();

    await screenshot(page, 'launch-invitations-top-1280');
    // Licences × ratio → invitations needed.
    const licences = page.getByLabel('Licences bought', { exact: true });
    await licences.fill('1000');
    await licences.blur();
    await expect.poll(() => page.getByTestId('invitations-needed').textContent()).toBe('2,000');
    await page.getByLabel('Invitations per licence', { exact: true }).fill('1.5');
    await expect.poll(() => page.getByTestId('invitations-needed').textContent()).toBe('1,500');
    await page.getByLabel('Invitations per licence', { exact: true }).fill('2');
    await page.getByLabel('Invitations per licence', { exact: true }).blur();

    // Two waves, 60 / 40: the sample's two, reshared, then a third added and deleted again.
    await page.getByLabel('Share of Wave 1 (April) (%)').fill('60');
    await page.getByLabel('Share of Wave 2 (May) (%)').fill('40');
    await page.getByLabel('Share of Wave 2 (May) (%)').blur();
    await page.getByRole('button', { name: 'Add wave' }).click();
    // A new wave takes an equal part (the average share so far), never 0 %.
    expect(await page.getByLabel('Share of Wave 3 (%)').inputValue()).toBe('50');
    await page.getByRole('button', { name: 'Delete Wave 3' }).click();
    await expect.poll(() => page.getByRole('button', { name: /^Delete Wave/ }).count()).toBe(2);
    // A wave without a date shows in Plan health, which leads back to that wave.
    await page.getByLabel('Date of Wave 2 (May)').selectOption('none');
    await page.getByRole('link', { name: /^Plan health/ }).click();
    await page
      .getByRole('button', { name: /^The invitation wave “Wave 2 \(May\)” has no date/ })
      .click();
    await page.getByRole('heading', { name: 'Invitations', level: 1 }).waitFor();
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).value))
      .toBe('Wave 2 (May)');
    await page.getByLabel('Date of Wave 2 (May)').selectOption('launch');
    await page.getByLabel('Days from launch of Wave 2 (May)').fill('35');
    await page.getByLabel('Days from launch of Wave 2 (May)').blur();
    const split = page.getByTestId('invitation-split');
    const total = split.locator('tfoot td');
    await expect.poll(() => total.allTextContents()).toEqual(['', '1,200', '800', '2,000']);
    await screenshot(page, 'launch-invitations-planner-1280');
    await page.getByRole('heading', { name: 'Forecast licence use' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'launch-invitations-forecast-1280');
    const serious = async () =>
      (await new AxeBuilder(page).analyze())
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(await serious()).toEqual([]);

    // Import the list: the dialog says the list is personal data and kept locally only.
    await page.getByRole('button', { name: 'Import invitation list…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import invitation list' });
    await dialog.waitFor();
    const file = join(scratch, 'invitees.csv');
    writeFileSync(file, `${LIST.join('\r\n')}\r\n`);
    await chooseFile(page, dialog, file);
    const summary = dialog.getByTestId('import-summary');
    await expect
      .poll(() => summary.textContent())
      .toBe(
        '6 rows ready to import · 2 rows will not be imported · 1 repeated row left out (nothing to fix)',
      );
    await expect.poll(() => dialog.textContent()).toContain('personal data');
    await expect.poll(() => dialog.textContent()).toContain('1 duplicate was removed');
    expect(await dialog.getByLabel('Segment for “NEET”').inputValue()).toBe('seg-neet');
    // "Graduates" is matched by hand to the unemployed graduates segment.
    await dialog.getByLabel('Segment for “Graduates”').selectOption('seg-graduates');
    await dialog.getByLabel('Segment for “Underemployed”').selectOption('seg-underemployed');
    await dialog.getByLabel('Segment for “Parents”').selectOption('seg-parents');
    const failed = await download(page, () =>
      dialog.getByRole('button', { name: 'Download rows that will not be imported (CSV)' }).click(),
    );
    const failedRows = rowsOf(readFileSync(failed, 'utf8'));
    expect(failedRows.map((r) => r.at(-1))).toEqual([
      'Reason',
      'Row 8: “gil.stone@example” is not a valid e-mail address.',
      'Row 9: No name.',
    ]);
    await screenshot(page, 'launch-invitations-import-1280');
    await dialog.getByRole('button', { name: 'Import 6 people' }).click();
    await dialog.waitFor({ state: 'detached' });
    const counts = page.getByTestId('invitation-list-counts');
    await expect
      .poll(() => counts.textContent())
      .toMatch(
        /^6 people from “invitees\.csv”, imported .* · 1 duplicate removed · 2 rows left out to fix\./,
      );

    // By wave shares 60/40 per segment: NEET 2 → 1/1, graduates 2 → 1/1, the others 1 → 1/0.
    const waves = page.getByTestId('invitation-list-waves');
    await expect.poll(() => waves.locator('tfoot td').allTextContents()).toEqual(['4', '2', '6']);
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'launch-invitations-list-1920');
    expect(await serious()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });

    // Export the first wave's bulk-invite CSV (generic layout) and read it back.
    const wave1 = await download(page, () =>
      page.getByRole('button', { name: 'Export Wave 1 (April) (4) as CSV' }).click(),
    );
    const rows1 = rowsOf(readFileSync(wave1, 'utf8'));
    expect(rows1[0]).toEqual(['First name', 'Last name', 'Email', 'Segment', 'Wave']);
    expect(rows1).toHaveLength(5);
    expect(rows1.slice(1).map((r) => r[4])).toEqual(Array(4).fill('Wave 1 (April)'));
    // The second wave in the Moodle layout: the rest of the list, nobody twice.
    await page.getByLabel('CSV column layout').selectOption('moodle');
    const wave2 = await download(page, () =>
      page.getByRole('button', { name: 'Export Wave 2 (May) (2) as CSV' }).click(),
    );
    const rows2 = rowsOf(readFileSync(wave2, 'utf8'));
    expect(rows2[0]).toEqual(['username', 'firstname', 'lastname', 'email']);
    const exported = [...rows1.slice(1).map((r) => r[2]), ...rows2.slice(1).map((r) => r[3])];
    expect([...exported].sort()).toEqual([...GOOD].sort());

    // A second source list is added to the first: whoever is already listed (the same
    // e-mail, any case, spaces around it) is left out; the import can be undone.
    await page.getByRole('button', { name: 'Add another list…' }).click();
    const add = page.getByRole('dialog', { name: 'Add a list to the invitations' });
    await add.waitFor();
    const more = join(scratch, 'referrals.csv');
    writeFileSync(
      more,
      [
        'First name,Last name,Email,Segment',
        'Ben,Hughes, BEN.HUGHES@example.org ,NEET',
        'Hana,Sato,hana.sato@example.org,NEET',
        'Ivo,Berg,ivo.berg@example.org,NEET',
        '',
      ].join('\r\n'),
    );
    await chooseFile(page, add, more);
    await expect
      .poll(() => add.getByTestId('import-summary').textContent())
      .toBe('3 rows ready to import');
    await expect
      .poll(() => add.textContent())
      .toContain('are added to the current list of 6 people; anyone already on it');
    await add.getByRole('button', { name: 'Import 3 people' }).click();
    await add.waitFor({ state: 'detached' });
    await page
      .getByText(
        'Added 2 people from “referrals.csv” to the invitation list, now 8 people; 1 person was already on the list (same e-mail) and left out.',
        { exact: false },
      )
      .waitFor();
    await expect
      .poll(() => counts.textContent())
      .toMatch(/^8 people from “invitees\.csv \+ referrals\.csv”/);
    await page.getByTestId('invitation-undo-note').waitFor();
    await screenshot(page, 'launch-invitations-merged-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'launch-invitations-merged-1920');
    expect(await serious()).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Undo the last list import' }).click();
    await expect.poll(() => counts.textContent()).toMatch(/^6 people from “invitees\.csv”,/);
    await expect
      .poll(() => page.getByRole('button', { name: 'Undo the last list import' }).count())
      .toBe(0);

    // Personal data: no imported e-mail address or name in the plan file, Word or Excel.
    expectNoneIn(await exportEveryFormat(page, (click) => download(page, click)), [
      ...GOOD,
      'Okafor',
    ]);

    // Deleted in one step, after saying what goes: keeping it changes nothing.
    await page.getByRole('button', { name: 'Delete invitation list' }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Delete the invitation list?' });
    await confirm.getByRole('button', { name: 'Keep the list' }).click();
    await expect.poll(() => counts.count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Delete invitation list' }).click();
    await confirm.getByText(/cannot be undone/).waitFor();
    await confirm.getByRole('button', { name: 'Delete invitation list' }).click();
    await page.getByRole('button', { name: 'Import invitation list…' }).waitFor();
    expect(await counts.count()).toBe(0);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
