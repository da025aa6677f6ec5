/** Startup and autosave (issue 1 of 5). */
import { atMost, median, percentile, type BenchSuite } from '../metrics';

const SAMPLE_ID = 'sample-youth-digital-skills';

/** startup.tti_ms and autosave.commit_p95_ms. */
export const foundationSuite: BenchSuite = {
  name: 'foundation',
  metrics: [
    { name: 'startup.tti_ms', unit: 'ms', limit: 1000 },
    { name: 'autosave.commit_p95_ms', unit: 'ms', limit: 100 },
  ],
  async run({ browser, url }) {
    // A cold load in a fresh profile (first start seeds the sample) straight
    // into the sample plan, until the Objective form is interactive.
    const loads: number[] = [];
    for (let run = 0; run < 7; run++) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${url}#/plan/${SAMPLE_ID}/objective`);
      await page.getByRole('textbox', { name: 'Program name', exact: true }).waitFor();
      loads.push(
        await page.evaluate(
          () => performance.getEntriesByName('upskill:interactive')[0]?.startTime ?? NaN,
        ),
      );
      await context.close();
    }

    // Autosave: from the debounced write starting to IndexedDB committing
    // (strict durability), over a series of edits.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${url}#/plan/${SAMPLE_ID}/objective`);
    const field = page.getByRole('textbox', { name: 'Region', exact: true });
    await field.waitFor();
    for (let i = 0; i < 40; i++) {
      await field.fill(`Lower Valley ${i}`);
      await page.waitForFunction(
        (n) => performance.getEntriesByName('upskill:autosave-commit').length >= n,
        i + 1,
      );
    }
    const commits = await page.evaluate(() =>
      performance.getEntriesByName('upskill:autosave-commit').map((e) => e.duration),
    );
    await context.close();

    return [
      atMost('startup.tti_ms', median(loads), 1000, 'ms', `median of ${loads.length} cold loads`),
      atMost(
        'autosave.commit_p95_ms',
        percentile(commits, 95),
        100,
        'ms',
        `${commits.length} edits, after debounce`,
      ),
    ];
  },
};
