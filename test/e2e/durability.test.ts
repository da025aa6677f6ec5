/**
 * "Never lose user data": the browser is killed (SIGKILL, no chance to flush)
 * one second after the last keystroke, then started again on the same
 * profile. Every edit must be there, and the library must open cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './browser';

const profile = mkdtempSync(join(tmpdir(), 'upskill-durability-'));
let running: { process: ChildProcess; browser: Browser } | null = null;

async function startBrowser(): Promise<{ process: ChildProcess; browser: Browser; page: Page }> {
  const portFile = join(profile, 'DevToolsActivePort');
  rmSync(portFile, { force: true });
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    {
      stdio: 'ignore',
      detached: true,
    },
  );
  // Chromium creates the file, then writes the port: wait for a port, not only the file
  // (a busy machine once read it empty and connected to port 80).
  let port = '';
  for (let i = 0; i < 600 && !/^\d+$/.test(port); i++) {
    await new Promise((r) => setTimeout(r, 50));
    if (existsSync(portFile)) port = readFileSync(portFile, 'utf8').split('\n')[0]!.trim();
  }
  if (!/^\d+$/.test(port)) throw new Error('Chromium did not say its debugging port in 30 s.');
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const context = browser.contexts()[0]!;
  const page = context.pages()[0] ?? (await context.newPage());
  running = { process: child, browser };
  return { process: child, browser, page };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    // The whole process group: Chromium's renderer and storage processes too.
    process.kill(-child.pid!, 'SIGKILL');
  });
}

afterAll(async () => {
  if (running) await kill(running.process).catch(() => undefined);
  // Chromium's last processes may still be writing into the profile just after the kill.
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

describe('durability', () => {
  it('keeps every edit made a second before the browser is killed, over repeated kills', async () => {
    const url = `${inject('baseUrl')}#/plan/sample-youth-digital-skills/objective`;
    for (let round = 1; round <= 4; round++) {
      const { process: child, page } = await startBrowser();
      await page.goto(url);
      const region = page.getByRole('textbox', { name: 'Region', exact: true });
      await region.waitFor();
      if (round > 1) expect(await region.inputValue()).toBe(`Lower Valley round ${round - 1}`);
      await region.fill(`Lower Valley round ${round}`);
      await page.waitForTimeout(1000);
      await kill(child);
      running = null;
    }
    const { process: child, page } = await startBrowser();
    await page.goto(url);
    const region = page.getByRole('textbox', { name: 'Region', exact: true });
    await region.waitFor();
    expect(await region.inputValue()).toBe('Lower Valley round 4');
    await kill(child);
    running = null;
  });
});
