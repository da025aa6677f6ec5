/**
 * The logic model, plan health and indicators as a planner meets them: add
 * an outcome by keyboard, trace it to the theory of change, see the health
 * finding it causes, follow it to the item, fix it with an indicator, edit in
 * the logframe and see the diagram follow, undo/redo, reload.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE = 'Lower Valley Digital Futures 2027';
const NEW_OUTCOME = 'Learners build a professional network in the regional digital sector';
const TOC_OUTCOME = 'Employers know the program and trust what completers can do';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openSampleLogicModel(page: Page) {
  await page.getByRole('button', { name: `Open ${SAMPLE}` }).click();
  await page.getByRole('link', { name: 'Logic model' }).click();
  await page.getByRole('heading', { name: 'Logic model', level: 1 }).waitFor();
}

/** The number beside "Plan health" in the sidebar (0 when no badge). */
async function healthCount(page: Page): Promise<number> {
  const name = await page
    .getByRole('navigation', { name: 'Plan sections' })
    .getByRole('link', { name: /^Plan health/ })
    .textContent();
  const match = /(\d+) problems? to fix/.exec(name ?? '');
  return match ? Number(match[1]) : 0;
}

async function expectNoSeriousAxeViolations(page: Page) {
  const violations = await new AxeBuilder(page).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.help} ${JSON.stringify(v.nodes.map((n) => n.target))}`),
  ).toEqual([]);
}

/** A card's main button (the one that selects it), by its title. */
const card = (page: Page, title: RegExp) =>
  page
    .locator('.lm-card-main')
    .filter({ has: page.locator('.lm-card-title').filter({ hasText: title }) });

describe('logic model', () => {
  it('adds an outcome by keyboard, traces it, fixes its health finding, edits the logframe, undoes and persists', async () => {
    const { context, page } = await openApp(browser);
    await openSampleLogicModel(page);
    await screenshot(page, 'logic-model-sample-1366');
    await expectNoSeriousAxeViolations(page);
    // The sample plan starts healthy.
    const before = await healthCount(page);
    expect(before).toBe(0);

    // Add a short-term outcome with the keyboard only.
    await page.getByRole('button', { name: 'Add short-term outcome' }).focus();
    await page.keyboard.press('Enter');
    const titleBox = page.getByRole('textbox', { name: 'Title of the new short-term outcome' });
    await titleBox.waitFor();
    await page.keyboard.type(NEW_OUTCOME);
    await page.keyboard.press('Enter');
    const newCard = card(page, new RegExp(NEW_OUTCOME));
    await newCard.waitFor();
    await expect.poll(() => newCard.evaluate((el) => el === document.activeElement)).toBe(true);
    const panel = page.getByRole('complementary', { name: /Details of short-term outcome/ });
    await panel.waitFor();

    // Link it to the theory-of-change outcome it operationalises.
    await panel
      .getByRole('combobox', { name: 'Theory-of-change outcome' })
      .selectOption({ label: TOC_OUTCOME });
    // …and it is navigable: the button opens the theory of change at that outcome.
    await panel.getByRole('button', { name: 'Show in theory of change →' }).click();
    await expect
      .poll(() => page.evaluate(() => location.hash))
      .toMatch(/\/theoryOfChange\?focus=toc-out-employer-awareness$/);
    await page.goBack();
    await page.getByRole('heading', { name: 'Logic model', level: 1 }).waitFor();

    // Keyboard reordering: one up, and back.
    await newCard.focus();
    await page.keyboard.press('Alt+ArrowUp');
    const shortTerm = page.getByRole('list', { name: /Short-term outcomes/ });
    await expect
      .poll(() => shortTerm.getByRole('button').nth(2).textContent())
      .toContain(NEW_OUTCOME);
    await page.keyboard.press('Alt+ArrowDown');
    await expect
      .poll(() => shortTerm.getByRole('button').nth(3).textContent())
      .toContain(NEW_OUTCOME);

    // One measurement framework (issue 10): the traced theory-of-change outcome's
    // indicator measures the new outcome too, so Plan health has nothing to add.
    await expect.poll(() => newCard.textContent()).toContain('1 indicator');
    await expect.poll(() => healthCount(page)).toBe(before);
    await newCard.click();
    await panel.getByText('Through the traced theory-of-change outcome').first().waitFor();
    // Unlinked, it has no indicator of its own (and is not traced).
    const trace = panel.getByRole('combobox', { name: 'Theory-of-change outcome' });
    await trace.selectOption({ label: 'Not linked' });
    await expect.poll(() => healthCount(page)).toBe(before + 2);
    await page.getByRole('link', { name: /^Plan health/ }).click();
    await page.getByRole('heading', { name: 'Plan health', level: 1 }).waitFor();
    const finding = page.getByRole('button', {
      name: new RegExp(`The short-term outcome “${NEW_OUTCOME}” has no indicator`),
    });
    await finding.waitFor();
    await screenshot(page, 'plan-health-sample-1366');
    await expectNoSeriousAxeViolations(page);

    // Following the finding lands on the item, selected and focused.
    await finding.click();
    await page.getByRole('heading', { name: 'Logic model', level: 1 }).waitFor();
    await expect.poll(() => newCard.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => newCard.evaluate((el) => el === document.activeElement)).toBe(true);

    // Fix it: a complete indicator (baseline, target, data source, owner).
    await panel.getByRole('button', { name: `Add indicator for ${NEW_OUTCOME}` }).click();
    const indicator = panel.getByRole('group', { name: /^Indicator:/ });
    await indicator
      .getByLabel('Indicator name', { exact: true })
      .fill('Learners with three or more employer contacts');
    await indicator.getByLabel('Unit', { exact: true }).fill('% of completers');
    await indicator.getByLabel('Baseline', { exact: true }).fill('10');
    await indicator.getByLabel('Target', { exact: true }).fill('60');
    await indicator.getByLabel('Data source', { exact: true }).fill('Exit survey');
    await indicator.getByLabel('Owner', { exact: true }).fill('Career coaching lead');
    await indicator.getByLabel('Frequency', { exact: true }).selectOption({ label: 'Quarterly' });
    await indicator.getByRole('checkbox', { name: 'Young parents and carers' }).check();
    await screenshot(page, 'logic-model-selected-1366');
    await expectNoSeriousAxeViolations(page);
    await expect.poll(() => healthCount(page)).toBe(before + 1);
    await trace.selectOption({ label: TOC_OUTCOME });
    await expect.poll(() => healthCount(page)).toBe(before);
    await page.getByRole('link', { name: /^Plan health/ }).click();
    await page.getByRole('heading', { name: 'Plan health', level: 1 }).waitFor();
    await expect
      .poll(() => page.getByRole('button', { name: new RegExp(NEW_OUTCOME) }).count())
      .toBe(0);

    // The logframe edits the same model: change means of verification and title.
    await page.getByRole('link', { name: 'Logic model' }).click();
    await page.getByRole('tab', { name: 'Logframe table' }).click();
    const mov = page.getByRole('textbox', { name: 'Means of verification, short-term outcome 4' });
    await mov.fill('Exit survey; employer contact log');
    await mov.blur();
    const lfTitle = page.getByRole('textbox', { name: 'Title, short-term outcome 4' });
    expect(await lfTitle.inputValue()).toBe(NEW_OUTCOME);
    await lfTitle.fill(`${NEW_OUTCOME} and sector`);
    await lfTitle.blur();
    await screenshot(page, 'logic-model-logframe-1366');
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('tab', { name: 'Diagram' }).click();
    await card(page, new RegExp(`${NEW_OUTCOME} and sector`)).click();
    expect(await panel.getByLabel('Means of verification', { exact: true }).inputValue()).toBe(
      'Exit survey; employer contact log',
    );

    // Undo the title edit, then the means of verification; redo both.
    await page.keyboard.press('Control+z');
    await card(page, new RegExp(`${NEW_OUTCOME}$`)).waitFor();
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => panel.getByLabel('Means of verification', { exact: true }).inputValue())
      .toBe('');
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await card(page, new RegExp(`${NEW_OUTCOME} and sector`)).waitFor();
    await expect
      .poll(() => panel.getByLabel('Means of verification', { exact: true }).inputValue())
      .toBe('Exit survey; employer contact log');

    // Everything is still there after a reload.
    await waitUntilSaved(page);
    await page.reload();
    await page.getByRole('heading', { name: 'Logic model', level: 1 }).waitFor();
    const reloaded = card(page, new RegExp(`${NEW_OUTCOME} and sector`));
    await reloaded.click();
    expect(
      await panel
        .getByRole('combobox', { name: 'Theory-of-change outcome' })
        .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent),
    ).toBe(TOC_OUTCOME);
    await panel
      .getByRole('button', { name: /Learners with three or more employer contacts/ })
      .click();
    expect(await panel.getByLabel('Target', { exact: true }).inputValue()).toBe('60');
    expect(
      await panel.getByRole('checkbox', { name: 'Young parents and carers' }).isChecked(),
    ).toBe(true);
    expect(await healthCount(page)).toBe(before);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('links items and moves them between lanes with the keyboard, and deletes with undo', async () => {
    const { context, page } = await openApp(browser);
    await openSampleLogicModel(page);
    const source = card(page, /^Run outreach and a two-wave invitation campaign/);
    await source.click();
    const panel = page.getByRole('complementary', { name: /Details of activity/ });
    expect(await panel.getByRole('list', { name: 'Leads to' }).getByRole('listitem').count()).toBe(
      1,
    );

    // Connect mode by keyboard: "Link to…", then Enter on the target card.
    await page
      .getByRole('button', { name: 'Link “Run outreach and a two-wave invitation campaign” to…' })
      .focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Choose the item that' }).waitFor();
    await card(page, /^1,900 learners enrolled and active/).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => panel.getByRole('list', { name: 'Leads to' }).getByRole('listitem').count())
      .toBe(2);

    // The same from the panel's picker; a duplicate is refused with a reason.
    await panel
      .getByRole('combobox', { name: 'Add an arrow to…' })
      .selectOption({ label: '220,000 learning hours logged' });
    await expect
      .poll(() => panel.getByRole('list', { name: 'Leads to' }).getByRole('listitem').count())
      .toBe(3);
    await panel
      .getByRole('button', { name: 'Remove arrow to “220,000 learning hours logged”' })
      .click();
    await expect
      .poll(() => panel.getByRole('list', { name: 'Leads to' }).getByRole('listitem').count())
      .toBe(2);

    // Alt+→ moves the activity to Outputs; Undo puts it back.
    await source.focus();
    await page.keyboard.press('Alt+ArrowRight');
    const outputs = page.getByRole('list', { name: /^Outputs/ });
    await outputs.getByRole('button', { name: /^Run outreach/ }).waitFor();
    await page.keyboard.press('Control+z');
    await page
      .getByRole('list', { name: /^Activities/ })
      .getByRole('button', { name: /^Run outreach/ })
      .waitFor();

    // F2 renames in place; Delete removes, and the notice offers Undo.
    await source.focus();
    await page.keyboard.press('F2');
    const rename = page.getByRole('textbox', { name: 'Rename activity' });
    await rename.fill('Run outreach through youth centres and a two-wave invitation campaign');
    await page.keyboard.press('Enter');
    const renamed = card(page, /^Run outreach through youth centres/);
    await renamed.waitFor();
    await renamed.focus();
    await page.keyboard.press('Delete');
    await expect.poll(() => renamed.count()).toBe(0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await renamed.waitFor();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});
