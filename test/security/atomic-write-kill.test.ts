/**
 * Durability under the worst case: the process writing a plan file is killed
 * (SIGKILL, no cleanup) at random moments. Every time, the file on disk must
 * be one complete version, never a torn or empty one.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'upskill-kill-'));
const target = join(dir, 'plan.upskill.json');
const writer = join(import.meta.dirname, '..', 'fixtures', 'scripts', 'atomic-writer.ts');
const tsx = createRequire(import.meta.url).resolve('tsx');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runAndKill(afterMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsx, writer, target], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.once('error', reject);
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), afterMs));
    child.once('exit', () => resolve());
  });
}

describe('atomic writes under kill -9', () => {
  it(
    'leaves a complete file after every one of 15 kills mid-write',
    { timeout: 120_000 },
    async () => {
      let lastVersion = 0;
      for (let round = 0; round < 15; round++) {
        await runAndKill(5 + Math.floor(Math.random() * 150));
        const doc = JSON.parse(readFileSync(target, 'utf8')) as { version: number; rows: string[] };
        expect(doc.rows).toHaveLength(1000);
        expect(doc.version).toBeGreaterThanOrEqual(1);
        lastVersion = doc.version;
      }
      expect(lastVersion).toBeGreaterThan(0);
    },
  );
});
