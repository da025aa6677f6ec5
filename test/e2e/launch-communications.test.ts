/**
 * Issue 13 through the UI, Communications: open the sample, add a launch
 * e-mail (a ready draft in one click), give it a title, subject and text
 * with a field put in through Insert field, see the preview filled (and a
 * missing registration link flagged, then restored with Undo), export it as
 * .eml and .docx and read both back (postal-mime, the docx XML), and export
 * the onboarding guide whose Word file carries the pathway outline. Screens
 * at 1280×720 and 1920×1080 for review.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Locator, Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const LINK = 'https://digitalfutures.lowervalley.example.org/join';

let browser: Browser;
const scratch = mkdtempSync(join(tmpdir(), 'upskill-comms-'));
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function seriousViolations(page: Page) {
  return (await new AxeBuilder(page).analyze())
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Clicks an export button and returns the downloaded file's path and name. */
async function download(page: Page, scope: Locator, button: string) {
  const event = page.waitForEvent('download', { timeout: 60_000 });
  await scope.getByRole('button', { name: button }).click();
  const file = await event;
  const path = join(scratch, file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** The paragraphs' text of a .docx (tags removed). */
function docxText(path: string): string {
  const xml = strFromU8(unzipSync(readFileSync(path))['word/document.xml']!);
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'");
}

describe('communications', () => {
  it('fills a launch e-mail, previews it filled, and exports it as .eml and .docx', async () => {
    const { context, page } = await openApp(browser, { width: 1280, height: 720 });
    await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
    await page.getByRole('heading', { level: 1, name: 'Objective' }).waitFor();
    await page
      .getByRole('navigation', { name: 'Plan sections' })
      .getByRole('link', { name: 'Communications' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Communications' }).waitFor();
    expect(
      await page.getByRole('status').filter({ hasText: 'communications' }).textContent(),
    ).toContain('4 communications: 1 ready, 0 sent');
    await screenshot(page, 'communications-1280');

    // One click gives a complete draft, open for editing.
    await page.getByRole('button', { name: 'Add launch e-mail' }).click();
    const item = page.locator('[data-cm-item]').last();
    await item.getByRole('group', { name: 'Edit “Launch e-mail”' }).waitFor();
    expect(await item.getByLabel('Text', { exact: true }).inputValue()).toContain(
      '{registrationLink}',
    );

    await item.getByLabel('Title', { exact: true }).fill('Wave 1 launch e-mail');
    await item.getByLabel('Subject', { exact: true }).fill('Welcome to {programName}');
    const text = item.getByLabel('Text', { exact: true });
    await text.fill('Hi {firstName},\n\nYour place is ready. Start here: ');
    await text.press('End');
    // Choosing a field by keyboard inserts nothing until Insert field is pressed.
    const choose = item.getByLabel('Field to insert');
    await choose.focus();
    await page.keyboard.press('ArrowDown');
    expect(await text.inputValue()).toBe('Hi {firstName},\n\nYour place is ready. Start here: ');
    await choose.selectOption('registrationLink');
    await item.getByRole('button', { name: 'Insert field' }).click();
    // The field goes in at the cursor, and the cursor comes back after it.
    await expect.poll(() => text.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('\n\nQuestions? Contact {supportContact}.');
    expect(await text.inputValue()).toBe(
      'Hi {firstName},\n\nYour place is ready. Start here: {registrationLink}\n\nQuestions? Contact {supportContact}.',
    );

    // The live preview: plan fields filled, the learner field marked.
    const preview = item.getByRole('region', { name: 'Preview of “Wave 1 launch e-mail”' });
    await preview.getByText(`Start here: ${LINK}`, { exact: false }).waitFor();
    expect(await preview.textContent()).toContain(
      'Subject: Welcome to Lower Valley Digital Futures 2027',
    );
    expect(await preview.textContent()).toContain('Hi «first name»,');
    expect(await preview.textContent()).toContain('Every plan field is filled.');
    expect(await preview.textContent()).not.toContain('{');

    // Audience by keyboard: tick a segment with the space bar.
    const neet = item.getByRole('checkbox', {
      name: 'NEET young people without post-secondary qualifications',
    });
    await neet.focus();
    await page.keyboard.press('Space');
    expect(await neet.isChecked()).toBe(true);

    // A missing registration link is flagged, never shown raw; Undo brings it back.
    const link = page.getByLabel('Registration link', { exact: true });
    await link.fill('');
    await link.blur();
    await preview.getByText('Registration link is not set — add it in Launch details').waitFor();
    expect(await preview.textContent()).toContain('[registration link not set]');
    expect(await preview.textContent()).not.toContain('{registrationLink}');
    // "Fill it in" puts the cursor in the Launch details field.
    await preview.getByRole('button', { name: 'Fill it in' }).click();
    await expect.poll(() => link.evaluate((el) => el === document.activeElement)).toBe(true);
    await item
      .getByLabel('Field to insert')
      .evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'communications-flagged-1280');
    // Exporting now asks first, naming what is not filled; going back exports nothing.
    await item.getByRole('button', { name: 'Export e-mail (.eml)' }).click();
    const ask = page.getByRole('alertdialog', { name: 'A field is not filled' });
    await ask.getByText('Registration link is not set — add it in Launch details.').waitFor();
    await ask.getByRole('button', { name: 'Go back and fill them' }).click();
    await ask.waitFor({ state: 'detached' });
    await link.focus();
    await page.keyboard.press('Control+z');
    await preview.getByText(`Start here: ${LINK}`, { exact: false }).waitFor();
    await waitUntilSaved(page);
    await item.getByLabel('Subject', { exact: true }).scrollIntoViewIfNeeded();
    await screenshot(page, 'communications-editor-1280');
    expect(await seriousViolations(page)).toEqual([]);

    // .eml for the mail tool, read back by a MIME parser.
    const eml = await download(page, item, 'Export e-mail (.eml)');
    expect(eml.name).toBe(`${SAMPLE} – Wave 1 launch e-mail.eml`);
    const raw = readFileSync(eml.path, 'utf8');
    expect(raw).toMatch(/^MIME-Version: 1\.0\r$/m);
    expect(raw).not.toMatch(/^To:/im);
    const mail = await PostalMime.parse(raw);
    expect(mail.subject).toBe('Welcome to Lower Valley Digital Futures 2027');
    expect(mail.text).toContain(`Your place is ready. Start here: ${LINK}`);
    expect(mail.text).toContain('Hi {firstName},');
    expect(mail.text).toContain('Questions? Contact the help desk on 021 555 0300');

    // Word.
    const docx = await download(page, item, 'Export Word (.docx)');
    expect(docx.name).toBe(`${SAMPLE} – Wave 1 launch e-mail.docx`);
    const words = docxText(docx.path);
    expect(words).toContain('Wave 1 launch e-mail');
    expect(words).toContain('Welcome to Lower Valley Digital Futures 2027');
    expect(words).toContain(`Your place is ready. Start here: ${LINK}`);
    expect(words).toContain('NEET young people without post-secondary qualifications');
    expect(words).toContain('1 April 2027');

    // For Mailchimp, learner fields are its merge tags (remembered on this computer).
    await item.getByLabel('Learner fields for').selectOption({ label: 'Mailchimp (*|FNAME|*)' });
    const forMailchimp = await download(page, item, 'Export e-mail (.eml)');
    expect((await PostalMime.parse(readFileSync(forMailchimp.path, 'utf8'))).text).toContain(
      'Hi *|FNAME|*,',
    );
    await item.getByLabel('Learner fields for').selectOption('token');

    // Plain text: the subject line, then the filled text.
    const txt = await download(page, item, 'Export plain text');
    expect(txt.name).toBe(`${SAMPLE} – Wave 1 launch e-mail.txt`);
    expect(readFileSync(txt.path, 'utf8')).toBe(
      `Subject: Welcome to Lower Valley Digital Futures 2027\n\nHi {firstName},\n\nYour place is ready. Start here: ${LINK}\n\nQuestions? Contact the help desk on 021 555 0300 (weekdays 9:00–18:00).\n`,
    );

    // The onboarding guide exports as a short guide with the pathway outline.
    const guide = page.locator('[data-cm-item="comm-onboarding-guide"]');
    await guide
      .getByRole('button', { name: 'Digital Futures onboarding guide', exact: true })
      .click();
    await guide
      .getByText(
        'the outline of 2 pathways (IT Support Starter Pathway, Data Analysis Upskilling).',
        { exact: false },
      )
      .waitFor();
    const guideFile = await download(page, guide, 'Export Word (.docx)');
    const guideText = docxText(guideFile.path);
    for (const expected of [
      'How it works',
      'Support',
      'What you gain',
      'IT Support Starter Pathway',
    ])
      expect(guideText).toContain(expected);

    // Without a send date it shows in Plan health, which leads back to it, open.
    await item.getByRole('radio', { name: 'Not scheduled yet' }).check();
    await page
      .getByRole('navigation', { name: 'Plan sections' })
      .getByRole('link', { name: /^Plan health/ })
      .click();
    await page
      .getByRole('button', {
        name: /^The communication “Wave 1 launch e-mail” has no send date/,
      })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Communications' }).waitFor();
    await item.getByRole('group', { name: 'Edit “Wave 1 launch e-mail”' }).waitFor();
    await item.getByRole('radio', { name: 'Relative to the launch' }).check();

    // Delete with Undo from the notice.
    await item.getByRole('button', { name: 'Delete “Wave 1 launch e-mail”' }).click();
    await page.getByRole('button', { name: 'Undo', exact: true }).last().click();
    await page.getByRole('button', { name: 'Wave 1 launch e-mail', exact: true }).waitFor();

    await page.setViewportSize({ width: 1920, height: 1080 });
    await item.getByLabel('Title', { exact: true }).evaluate((el) => el.scrollIntoView());
    await screenshot(page, 'communications-editor-1920');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
