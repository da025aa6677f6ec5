/**
 * Issues 13 and 14: the learner roster and invitation list are "excluded
 * from backups unless the user opts in". Driven as a desktop user would, in
 * the built app with the desktop's preload API (fake-desktop.ts) over the
 * real backup store writing to a temporary folder: with the choice off (the
 * default), no file in the backups folder holds an imported e-mail; on, a
 * companion file beside the backup holds them while the plan backups stay
 * clean; restoring a backup brings a deleted roster back, and says so;
 * turning it off removes them from every backup file again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { launchChromium, screenshot } from './browser';
import { flushBeforeQuit, installFakeDesktop, menuCommand, type FakeDesktop } from './fake-desktop';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const CHOICE = 'Include learner and invitee personal data in this computer’s backups';
const scratch = mkdtempSync(join(tmpdir(), 'upskill-personal-backups-'));

const ROSTER = [
  'Learner ID,Email,Name,Enrolled,Learning hours,Last activity',
  'P1,olga.tan@personal.example,Olga Tan,2026-09-01,12,2026-11-18',
  'P2,piet.vos@personal.example,Piet Vos,2026-09-02,30,2026-11-19',
  'P3,quinn.ray@personal.example,Quinn Ray,2026-09-03,2,2026-09-20',
];
const EMAILS = [
  'olga.tan@personal.example',
  'piet.vos@personal.example',
  'quinn.ray@personal.example',
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Every file under a folder, with its text. */
function filesUnder(folder: string): { path: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory()
      ? filesUnder(path)
      : [{ path, text: readFileSync(path, 'utf8').toLowerCase() }];
  });
}

/** The files of the backups folder that hold any of the imported e-mails. */
function backupsHolding(desktop: FakeDesktop): string[] {
  return filesUnder(desktop.backupRoot)
    .filter((f) => EMAILS.some((e) => f.text.includes(e)))
    .map((f) =>
      f.path
        .slice(desktop.backupRoot.length + 1)
        .split('/')
        .pop()!,
    );
}

async function importRoster(page: Page) {
  await page.getByRole('button', { name: 'Import learner progress…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import learner progress' });
  await dialog.waitFor();
  const file = join(scratch, 'lms.csv');
  writeFileSync(file, `${ROSTER.join('\r\n')}\r\n`);
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: /^Choose (another )?file…$/ }).click();
  await (await chooser).setFiles(file);
  await dialog.getByTestId('import-summary').waitFor();
  await expect
    .poll(() => dialog.textContent())
    .toContain('It is not in this computer’s backups either, unless you include it');
  await dialog.getByLabel('Date of the export (the snapshot’s date)').fill('2026-11-20');
  await dialog.getByRole('button', { name: 'Import 3 learners' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText('3 learners from “lms.csv”, as of 20 November 2026.').waitFor();
}

async function deleteRosterIfAny(page: Page) {
  await page
    .getByText(/^(No roster yet|\d[\d,]* learners? )/)
    .first()
    .waitFor();
  const del = page.getByRole('button', { name: 'Delete roster…' });
  if (!(await del.count())) return;
  await del.click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete the learner roster?' });
  await confirm.getByRole('button', { name: 'Delete roster' }).click();
  await page.getByText('No roster yet: import an export of your learning platform.').waitFor();
}

describe('personal data in desktop backups', () => {
  it('stays out of backups unless included; included, a restore brings the roster back', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const desktop = await installFakeDesktop(context, scratch);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.goto(inject('baseUrl'));
    await page.getByRole('button', { name: `Open ${SAMPLE}`, exact: true }).click();
    await page.getByRole('link', { name: /^Learner progress/ }).click();
    await page.getByRole('heading', { name: 'Learner progress', level: 1 }).waitFor();
    const choice = page.getByRole('checkbox', { name: CHOICE });
    expect(await choice.isChecked()).toBe(false);
    await deleteRosterIfAny(page);

    // Off (the default): import, quit — nothing personal in any backup file.
    await importRoster(page);
    await flushBeforeQuit(page, desktop);
    expect(filesUnder(desktop.backupRoot).some((f) => f.path.endsWith('.quit.upskill.json'))).toBe(
      true,
    );
    expect(backupsHolding(desktop)).toEqual([]);

    // On: the next backup has a companion with the roster; the plan backups stay clean.
    await choice.check();
    await page.getByText(/will be in this plan’s backups on this computer/).waitFor();
    await expect
      .poll(() => page.getByTestId('roster-privacy').textContent())
      .toContain('You chose to include it in this computer’s backups');
    await screenshot(page, 'personal-backup-roster-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'personal-backup-roster-1920');
    await page.setViewportSize({ width: 1280, height: 720 });
    await flushBeforeQuit(page, desktop);
    await expect
      .poll(() => backupsHolding(desktop))
      .toEqual([expect.stringMatching(/\.personal\.json$/)]);

    // The roster is deleted here; restoring the backup brings it back, and says so.
    await deleteRosterIfAny(page);
    await menuCommand(page, 'restoreBackup');
    const dialog = page.getByRole('dialog', { name: 'Restore from backup' });
    await dialog.waitFor();
    const withPersonal = dialog.getByRole('listitem').filter({ hasText: 'with personal data' });
    await expect.poll(() => withPersonal.count()).toBeGreaterThan(0);
    expect(await dialog.getByRole('checkbox', { name: CHOICE }).isChecked()).toBe(true);
    await screenshot(page, 'personal-backup-dialog-1280');
    await withPersonal.first().getByRole('button', { name: 'Restore' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByText(/learner roster \(3 learners\) on this computer was replaced by the backup’s/)
      .waitFor();
    await page.getByText('3 learners from “lms.csv”, as of 20 November 2026.').waitFor();

    // Off again: the companions are deleted, so no backup file holds anybody.
    await choice.uncheck();
    await page.getByText(/is out of this plan’s backups/).waitFor();
    await expect.poll(() => backupsHolding(desktop)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
