/**
 * Stakeholders & partners as a consultant uses them: the matrix with the
 * sample plan's stakeholders, dragging a card into another quadrant, moving
 * a card by keyboard only, numeric scores with bad input refused, the
 * register, overdue engagement, workshop mode with snapshots and movement
 * arrows, undo, and everything persisted across a reload.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from './axe';
import { appErrors, launchChromium, openApp, screenshot, waitUntilSaved } from './browser';

const SAMPLE_NAME = (
  JSON.parse(
    readFileSync(
      join(
        import.meta.dirname,
        '..',
        '..',
        'resources',
        'sample-plans',
        'youth-digital-skills.upskill.json',
      ),
      'utf8',
    ),
  ) as { name: string }
).name;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openStakeholders(viewport?: { width: number; height: number }) {
  const { context, page } = await openApp(browser, viewport);
  await page.getByRole('button', { name: `Open ${SAMPLE_NAME}`, exact: true }).click();
  await page.getByRole('link', { name: /^Stakeholders & partners/ }).click();
  await page.getByRole('heading', { name: 'Stakeholders & partners', level: 1 }).waitFor();
  await page.locator('.sh-plot .sh-card').first().waitFor();
  return { context, page };
}

/** A matrix card by the stakeholder's name (its accessible name starts with it). */
const card = (page: Page, name: string, scope = '.sh-plot') =>
  page.locator(scope).getByRole('button', { name: new RegExp(`^${name},`) });

async function cardLabel(page: Page, name: string, scope?: string) {
  return (await card(page, name, scope).getAttribute('aria-label')) ?? '';
}

/** Drags a card so its marker lands on (power, interest). */
async function dragCardTo(
  page: Page,
  name: string,
  power: number,
  interest: number,
  scope?: string,
) {
  const target = card(page, name, scope);
  const plot = await page
    .locator(scope ?? '.sh-plot')
    .first()
    .boundingBox();
  const label = await cardLabel(page, name, scope);
  const now = /power (\d+), interest (\d+)/.exec(label)!;
  const box = (await target.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const dx = ((interest - Number(now[2])) / 100) * plot!.width;
  const dy = ((Number(now[1]) - power) / 100) * plot!.height;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x + dx / 2, start.y + dy / 2, { steps: 8 });
  await page.mouse.move(start.x + dx, start.y + dy, { steps: 8 });
  await page.mouse.up();
}

async function expectNoSeriousAxeViolations(page: Page, where: string) {
  const violations = (await new AxeBuilder(page).analyze()).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    violations.map((v) => `${where}: ${v.id} ${v.help} ${v.nodes[0]?.target.join(' ')}`),
  ).toEqual([]);
}

describe('stakeholder matrix', () => {
  it('shows the sample stakeholders legibly at 1366×768 and 1920×1080, with no axe problems', async () => {
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 1920, height: 1080 },
    ]) {
      const { context, page } = await openStakeholders(viewport);
      expect(await page.locator('.sh-plot .sh-card').count()).toBe(22);
      for (const q of ['Manage closely', 'Keep satisfied', 'Keep informed', 'Monitor']) {
        await page.locator('.sh-q-label strong', { hasText: q }).waitFor();
      }
      // Placed cards never overlap each other.
      const boxes = await page
        .locator('.sh-plot .sh-card:not(.sh-card--collapsed)')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i]!;
          const b = boxes[j]!;
          const overlap =
            a.left < b.right - 1 &&
            b.left < a.right - 1 &&
            a.top < b.bottom - 1 &&
            b.top < a.bottom - 1;
          expect(overlap, `cards ${i} and ${j} overlap`).toBe(false);
        }
      await screenshot(page, `stakeholders-matrix-${viewport.width}`);
      await expectNoSeriousAxeViolations(page, 'matrix');

      await page.getByRole('checkbox', { name: /Desired positions/ }).check();
      await page
        .getByLabel('Compare', { exact: true })
        .selectOption({ label: 'Kick-off mapping workshop · 12 Nov' });
      await page.getByText('5 moved · 2 changed quadrant · 0 new').waitFor();
      expect(await page.locator('.sh-move').count()).toBe(5);
      expect(await page.locator('.sh-desired').count()).toBe(9);
      await card(page, 'Chamber of Commerce').click();
      await page.getByRole('complementary', { name: 'Details of Chamber of Commerce' }).waitFor();
      await screenshot(page, `stakeholders-arrows-${viewport.width}`);
      await expectNoSeriousAxeViolations(page, 'matrix with arrows and details');
      expect(appErrors(page)).toEqual([]);
      await context.close();
    }
  });

  it('drags a card into another quadrant; register, strategy and history follow; undo; reload', async () => {
    const { context, page } = await openStakeholders();
    expect(await cardLabel(page, 'Youth Employment Unit')).toContain(
      'power 95, interest 30, Keep satisfied',
    );
    await dragCardTo(page, 'Youth Employment Unit', 80, 75);
    const label = await cardLabel(page, 'Youth Employment Unit');
    const [, power, interest] = /power (\d+), interest (\d+)/.exec(label)!.map(Number);
    expect(Math.abs(power! - 80)).toBeLessThanOrEqual(2);
    expect(Math.abs(interest! - 75)).toBeLessThanOrEqual(2);
    expect(label).toContain('Manage closely');

    const panel = page.getByRole('complementary', { name: 'Details of Youth Employment Unit' });
    await panel.getByText('Engage fully').waitFor();
    await panel
      .getByRole('listitem')
      .filter({ hasText: 'Keep satisfied → Manage closely' })
      .waitFor();

    // The register shows the same scores, quadrant and strategy.
    await page.getByRole('tab', { name: 'Register' }).click();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByLabel('Name of Youth Employment Unit') });
    expect(await row.getByLabel('Power of Youth Employment Unit').inputValue()).toBe(String(power));
    expect(await row.getByLabel('Interest of Youth Employment Unit').inputValue()).toBe(
      String(interest),
    );
    await row.getByText('Manage closely').waitFor();
    await row.getByRole('button', { name: 'Show details of Youth Employment Unit' }).click();
    await page.getByText(/Engage fully: involve them in key decisions/).waitFor();
    await screenshot(page, 'stakeholders-register-1366');
    await expectNoSeriousAxeViolations(page, 'register');

    // The whole drag is one undo step.
    await page.getByRole('tab', { name: 'Matrix' }).click();
    await page.keyboard.press('Control+z');
    expect(await cardLabel(page, 'Youth Employment Unit')).toContain(
      'power 95, interest 30, Keep satisfied',
    );
    await page.keyboard.press('Control+Shift+z');
    expect(await cardLabel(page, 'Youth Employment Unit')).toContain('Manage closely');
    await waitUntilSaved(page);

    await page.reload();
    await page.locator('.sh-plot .sh-card').first().waitFor();
    expect(await cardLabel(page, 'Youth Employment Unit')).toContain(
      `power ${power}, interest ${interest}`,
    );
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('keeps the dragged card above every other card while it passes over them', async () => {
    const { context, page } = await openStakeholders();
    const names = await page
      .locator('.sh-plot .sh-card')
      .evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label')!.split(',')[0]!));
    const [moving, other] = [names[0]!, names[names.length - 1]!];
    const from = (await card(page, moving).boundingBox())!;
    const to = (await card(page, other).boundingBox())!;
    const start = { x: from.x + from.width / 2, y: from.y + from.height / 2 };
    const over = { x: to.x + to.width / 2, y: to.y + to.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(over.x, over.y, { steps: 10 });
    // Mid-drag, the point where the other card sits shows the dragged one.
    const onTop = await page.evaluate(
      ({ x, y }) =>
        document
          .elementFromPoint(x, y)
          ?.closest('[data-stakeholder-id]')
          ?.getAttribute('aria-label')
          ?.split(',')[0],
      over,
    );
    expect(onTop).toBe(moving);
    await page.keyboard.press('Escape');
    await page.mouse.up();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('moves a card with the keyboard only, in one undo step', async () => {
    const { context, page } = await openStakeholders();
    expect(await cardLabel(page, 'Community Radio')).toContain('power 25, interest 45, Monitor');
    await page.getByRole('tab', { name: 'Matrix' }).focus();
    let found = false;
    for (let i = 0; i < 80 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(
        () =>
          document.activeElement?.getAttribute('aria-label')?.startsWith('Community Radio,') ??
          false,
      );
    }
    expect(found).toBe(true);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowUp');
    await page.keyboard.press('ArrowDown');
    expect(await cardLabel(page, 'Community Radio')).toContain(
      'power 34, interest 57, Keep informed',
    );
    await page.getByRole('status').filter({ hasText: 'Community Radio' }).first().waitFor();
    await page.keyboard.press('Control+z');
    expect(await cardLabel(page, 'Community Radio')).toContain('power 25, interest 45, Monitor');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });

  it('moves a card from the numeric inputs and refuses absurd numbers', async () => {
    const { context, page } = await openStakeholders();
    await card(page, 'Trades Council').click();
    const panel = page.getByRole('complementary', { name: 'Details of Trades Council' });
    const power = panel.getByLabel('Power', { exact: true });
    await power.fill('500');
    await panel.getByRole('alert').filter({ hasText: 'Power must be from 0 to 100.' }).waitFor();
    await power.press('Tab');
    expect(await power.inputValue()).toBe('55');
    expect(await cardLabel(page, 'Trades Council')).toContain('power 55, interest 40');
    await power.fill('abc');
    await panel.getByRole('alert').filter({ hasText: 'not a number' }).waitFor();
    await power.fill('20');
    await power.press('Enter');
    expect(await cardLabel(page, 'Trades Council')).toContain('power 20, interest 40, Monitor');
    await panel.getByText('Watch with minimum effort').waitFor();

    // A new stakeholder waits in the Unplaced tray (in no quadrant) with its
    // name field ready, until its scores are typed. (Issue 10: it used to land
    // at 50/50, which is "Manage closely".)
    await page.getByRole('button', { name: 'Add stakeholder' }).click();
    await page.keyboard.type('Regional Broadband Alliance');
    const tray = page.getByRole('list', { name: /^Unplaced/ });
    await tray.getByRole('button', { name: 'Regional Broadband Alliance, not placed' }).waitFor();
    expect(await card(page, 'Regional Broadband Alliance').count()).toBe(0);
    const added = page.getByRole('complementary', {
      name: 'Details of Regional Broadband Alliance',
    });
    // Not on the matrix: no score is shown (not a made-up 50).
    expect(await added.getByLabel('Power', { exact: true }).inputValue()).toBe('');
    expect(await added.getByLabel('Interest', { exact: true }).getAttribute('placeholder')).toBe(
      'Not set',
    );
    await added.getByLabel('Power', { exact: true }).fill('70');
    await added.getByLabel('Power', { exact: true }).press('Enter');
    await card(page, 'Regional Broadband Alliance').waitFor();
    expect(await cardLabel(page, 'Regional Broadband Alliance')).toContain(
      'power 70, interest 50, Manage closely',
    );
    expect(await tray.count()).toBe(0);
    expect(await added.getByLabel('Interest', { exact: true }).inputValue()).toBe('50');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('the Unplaced tray', () => {
  it('keeps a new stakeholder out of every quadrant until it is dragged onto the matrix', async () => {
    const { context, page } = await openStakeholders({ width: 1280, height: 720 });
    const manageClosely = page.locator('.sh-q-label', { hasText: 'Manage closely' });
    const before = await manageClosely.textContent();
    await page.getByRole('button', { name: 'Add stakeholder' }).click();
    await page.keyboard.type('Valley Housing Association');
    const item = page.getByRole('button', { name: 'Valley Housing Association, not placed' });
    await item.waitFor();
    // Not on the matrix, not counted in Manage closely (where 50/50 would put it).
    expect(await card(page, 'Valley Housing Association').count()).toBe(0);
    expect(await manageClosely.textContent()).toBe(before);
    await expectNoSeriousAxeViolations(page, 'unplaced tray');

    // Drag it to low power, low interest (the details, below the matrix at
    // this width, took the focus: scroll back up to the tray first).
    await page.locator('.sh-tray').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'stakeholders-unplaced-tray-1280', { fullPage: false });
    const plot = (await page.locator('.sh-plot').boundingBox())!;
    const from = (await item.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    const to = { x: plot.x + plot.width * 0.2, y: plot.y + plot.height * 0.8 };
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 6 });
    await page.mouse.move(to.x, to.y, { steps: 6 });
    await page.mouse.up();
    await card(page, 'Valley Housing Association').waitFor();
    const label = await cardLabel(page, 'Valley Housing Association');
    const [, power, interest] = /power (\d+), interest (\d+)/.exec(label)!.map(Number);
    expect(Math.abs(power! - 20)).toBeLessThanOrEqual(2);
    expect(Math.abs(interest! - 20)).toBeLessThanOrEqual(2);
    expect(label).toMatch(/Monitor$/);
    expect(await item.count()).toBe(0);
    expect(await manageClosely.textContent()).toBe(before);
    // One undo step puts it back in the tray.
    await page.getByRole('button', { name: /^Undo/ }).first().click();
    await item.waitFor();
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('workshop snapshots', () => {
  it('names snapshots by keyboard, renames one with undo, and compares any two', async () => {
    const { context, page } = await openStakeholders({ width: 1280, height: 720 });
    const compare = page.getByLabel('Compare', { exact: true });
    // Taking a snapshot hands its name to the keyboard, selected, to type over.
    await page.getByRole('button', { name: 'Take snapshot' }).focus();
    await page.keyboard.press('Enter');
    const name = page.getByLabel('Snapshot name');
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('Before the steering committee');
    await page.keyboard.press('Enter');
    expect(await compare.locator('option:checked').textContent()).toBe(
      'Before the steering committee',
    );
    // Move Community Radio by keyboard, then take and name a second snapshot.
    await card(page, 'Community Radio').focus();
    await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.press('Shift+ArrowRight');
    await page.getByRole('button', { name: 'Take snapshot' }).click();
    await expect.poll(() => name.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('After the steering committee');
    await page.keyboard.press('Tab');

    // Compare the two snapshots with each other: one arrow, for Community Radio.
    await compare.selectOption({ label: 'Before the steering committee' });
    await page.getByLabel('with', { exact: true }).selectOption({
      label: 'After the steering committee',
    });
    await page.getByText('1 moved · 1 changed quadrant · 0 new').waitFor();
    expect(await page.locator('.sh-move').count()).toBe(1);
    // The kick-off snapshot against the first named one: the sample's five moves.
    await compare.selectOption({ label: 'Kick-off mapping workshop · 12 Nov' });
    await page.getByLabel('with', { exact: true }).selectOption({
      label: 'Before the steering committee',
    });
    await page.getByText('5 moved · 2 changed quadrant · 0 new').waitFor();
    expect(await page.locator('.sh-move').count()).toBe(5);
    await page.getByLabel('with', { exact: true }).selectOption({ label: 'Now' });
    await page.getByText('6 moved · 3 changed quadrant · 0 new').waitFor();
    await screenshot(page, 'stakeholders-snapshots-compare-1280');

    // Rename the compared snapshot; undo gives the old name back.
    await name.fill('Kick-off, November');
    await name.press('Enter');
    expect(await compare.locator('option:checked').textContent()).toBe('Kick-off, November');
    await name.press('Tab');
    await page.keyboard.press('Control+z');
    await expect
      .poll(() => compare.locator('option:checked').textContent())
      .toBe('Kick-off mapping workshop · 12 Nov');
    await expectNoSeriousAxeViolations(page, 'snapshots');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('plan health on the stakeholder map', () => {
  it('flags a "Manage closely" stakeholder with no open action and links to it', async () => {
    const plan = JSON.parse(
      readFileSync(
        join(
          import.meta.dirname,
          '..',
          '..',
          'resources',
          'sample-plans',
          'youth-digital-skills.upskill.json',
        ),
        'utf8',
      ),
    ) as {
      id: string;
      name: string;
      stakeholders: { entries: { id: string; actions: unknown[] }[] };
    };
    plan.id = 'health-stakeholders';
    plan.name = 'Health check: stakeholders';
    plan.stakeholders.entries.find((e) => e.id === 'sh-skills-fund')!.actions = [];
    const dir = mkdtempSync(join(tmpdir(), 'upskill-health-'));
    const file = join(dir, 'health.upskill.json');
    writeFileSync(file, JSON.stringify(plan));
    try {
      const { context, page } = await openApp(browser, { width: 1366, height: 768 });
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open plan file…' }).click();
      await (await chooser).setFiles(file);
      await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor();
      await page.getByRole('link', { name: /^Plan health/ }).click();
      await page.getByRole('heading', { name: 'Plan health', level: 1 }).waitFor();
      await page
        .getByRole('button', {
          name: /^The stakeholder “Skills Fund board” is in “Manage closely” but has no open engagement action/,
        })
        .click();
      await page.getByRole('complementary', { name: 'Details of Skills Fund board' }).waitFor();
      expect(await card(page, 'Skills Fund board').getAttribute('aria-pressed')).toBe('true');
      expect(appErrors(page)).toEqual([]);
      await context.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('links into the section', () => {
  it('selects the stakeholder named in the route and opens linked interventions', async () => {
    const { context, page } = await openStakeholders();
    const planUrl = page.url().replace(/stakeholders.*$/, 'stakeholders?focus=sh-chamber');
    await page.goto(planUrl);
    const panel = page.getByRole('complementary', { name: 'Details of Chamber of Commerce' });
    await panel.waitFor();
    expect(await card(page, 'Chamber of Commerce').getAttribute('aria-pressed')).toBe('true');
    await panel.getByRole('checkbox', { name: /Engage employers/ }).waitFor();
    expect(await panel.getByRole('checkbox', { name: /Engage employers/ }).isChecked()).toBe(true);
    await panel.getByRole('button', { name: /^Open intervention Engage employers/ }).click();
    await page.waitForURL(/theoryOfChange\?focus=toc-int-employers/);
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('register and engagement', () => {
  it('searches, sorts, deletes with undo, and shows overdue actions', async () => {
    const { context, page } = await openStakeholders();
    await page.getByRole('tab', { name: 'Register' }).click();
    const rows = page.locator('tbody tr.sh-row');
    expect(await rows.count()).toBe(22);
    await page.getByLabel('Search', { exact: true }).fill('radio');
    expect(await rows.count()).toBe(1);
    await page.getByLabel('Search', { exact: true }).fill('');
    await page.getByRole('button', { name: /^Power/ }).click();
    await page.getByRole('button', { name: /^Power/ }).click();
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Power');
    expect(await rows.first().getByRole('textbox').first().inputValue()).toBe(
      'Youth Employment Unit',
    );

    await page.getByRole('button', { name: 'Delete Community Radio' }).click();
    expect(await rows.count()).toBe(21);
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect(await rows.count()).toBe(22);

    // The sample has no overdue action on first open (issue 10): come back a
    // week after the Trades Council action was due.
    await page.clock.setFixedTime(new Date('2026-12-11T10:00:00'));
    await page.getByRole('tab', { name: 'Engagement' }).click();
    await page.getByRole('radio', { name: 'Overdue' }).check();
    const overdue = page.getByRole('row').filter({ hasText: 'Share work-trial principles' });
    await overdue.getByText(/Overdue by \d+ days/).waitFor();
    await screenshot(page, 'stakeholders-engagement-1366');
    await expectNoSeriousAxeViolations(page, 'engagement');
    await overdue.getByRole('button', { name: /Mark done/ }).click();
    expect(await overdue.count()).toBe(0);

    await page.getByRole('tab', { name: 'Questions' }).click();
    await page.getByLabel('Whose buy-in is key?').waitFor();
    await expectNoSeriousAxeViolations(page, 'mapping questions');
    expect(appErrors(page)).toEqual([]);
    await context.close();
  });
});

describe('workshop mode', () => {
  for (const viewport of [
    { width: 1920, height: 1080 },
    { width: 1366, height: 768 },
  ]) {
    it(`takes a snapshot, moves cards and shows movement arrows (${viewport.width})`, async () => {
      const { context, page } = await openStakeholders(viewport);
      await page.getByRole('button', { name: 'Workshop mode' }).click();
      const workshop = page.getByRole('dialog', { name: 'Stakeholder workshop' });
      await workshop.waitFor();
      await workshop.locator('.sh-card').first().waitFor();
      await screenshot(page, `stakeholders-workshop-${viewport.width}`);
      await expectNoSeriousAxeViolations(page, 'workshop');

      await workshop.getByRole('button', { name: 'Take snapshot' }).click();
      await workshop.getByText('0 moved · 0 changed quadrant · 0 new').waitFor();
      await workshop.getByLabel('New stakeholder name').fill('Regional Employers Forum');
      await workshop.getByLabel('New stakeholder name').press('Enter');
      // The new stakeholder waits in the Unplaced tray, focused: the arrow
      // keys place it and go on moving its card on the matrix.
      await workshop
        .getByRole('button', { name: 'Regional Employers Forum, not placed' })
        .waitFor();
      // Focus moves a frame after the card appears: poll (CI once read it a moment early).
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
        .toBe('Regional Employers Forum, not placed');
      await page.keyboard.press('Shift+ArrowUp');
      await page.keyboard.press('Shift+ArrowUp');
      expect(await cardLabel(page, 'Regional Employers Forum', '.sh-workshop .sh-plot')).toContain(
        'power 70, interest 50',
      );
      await dragCardTo(page, 'Lower Valley Hospitals', 70, 70, '.sh-workshop .sh-plot');
      await dragCardTo(page, 'Ardley Freight', 62, 45, '.sh-workshop .sh-plot');
      await workshop.getByText('2 moved · 1 changed quadrant · 1 new').waitFor();
      expect(await workshop.locator('.sh-move').count()).toBe(2);
      await screenshot(page, `stakeholders-workshop-arrows-${viewport.width}`);
      await expectNoSeriousAxeViolations(page, 'workshop with arrows');

      await workshop.getByRole('button', { name: 'Exit workshop' }).click();
      await workshop.waitFor({ state: 'detached' });
      await waitUntilSaved(page);
      await page.reload();
      await page.locator('.sh-plot .sh-card').first().waitFor();
      const options = await page
        .getByLabel('Compare', { exact: true })
        .locator('option')
        .allTextContents();
      expect(options.some((o) => o.startsWith('Snapshot 2'))).toBe(true);
      expect(await page.locator('.sh-plot .sh-card').count()).toBe(23);
      expect(appErrors(page)).toEqual([]);
      await context.close();
    });
  }
});
