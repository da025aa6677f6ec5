import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic, type AtomicWriteFs } from '../../electron/atomic-write';

let dir: string;
let target: string;

beforeEach(async () => {
  dir = await fs.mkdtemp(join(tmpdir(), 'upskill-atomic-'));
  target = join(dir, 'plan.upskill.json');
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

describe('writeFileAtomic', () => {
  it('creates and replaces a file, leaving no temp files', async () => {
    await writeFileAtomic(target, 'first');
    await writeFileAtomic(target, 'second');
    expect(await fs.readFile(target, 'utf8')).toBe('second');
    expect(await fs.readdir(dir)).toEqual(['plan.upskill.json']);
  });

  it('writes bytes as given', async () => {
    await writeFileAtomic(target, new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d]));
    expect([...(await fs.readFile(target))]).toEqual([0xef, 0xbb, 0xbf, 0x7b, 0x7d]);
  });

  it('never lets a reader see a half-written file', async () => {
    const versions = ['A', 'B', 'C'].map((letter) => letter.repeat(2 * 1024 * 1024));
    await writeFileAtomic(target, versions[0] ?? '');
    let writing = true;
    let reads = 0;
    const torn: number[] = [];
    const reader = (async () => {
      while (writing) {
        const text = await fs.readFile(target, 'utf8');
        reads += 1;
        if (!versions.includes(text)) torn.push(text.length);
      }
    })();
    for (let round = 0; round < 30; round += 1) {
      await writeFileAtomic(target, versions[round % versions.length] ?? '');
    }
    writing = false;
    await reader;
    expect(torn).toEqual([]);
    expect(reads).toBeGreaterThan(0);
  });

  it('survives concurrent writers: one complete version wins, no temp files remain', async () => {
    const versions = Array.from({ length: 16 }, (_, index) =>
      JSON.stringify({ writer: index, body: String(index).repeat(200_000) }),
    );
    await Promise.all(versions.map((text) => writeFileAtomic(target, text)));
    expect(versions).toContain(await fs.readFile(target, 'utf8'));
    expect(await fs.readdir(dir)).toEqual(['plan.upskill.json']);
  });

  it('retries a rename that Windows reports as locked', async () => {
    await writeFileAtomic(target, 'old');
    let failures = 2;
    const rename = vi.fn<AtomicWriteFs['rename']>(async (from, to) => {
      if (failures-- > 0) throw systemError('EBUSY');
      await fs.rename(from, to);
    });
    await writeFileAtomic(target, 'new', { fs: { rename }, renameRetryDelaysMs: [1, 1, 1] });
    expect(rename).toHaveBeenCalledTimes(3);
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    expect(await fs.readdir(dir)).toEqual(['plan.upskill.json']);
  });

  it('gives up after the retries, keeps the original and removes the temp file', async () => {
    await writeFileAtomic(target, 'original');
    const rename = vi.fn<AtomicWriteFs['rename']>(async () => {
      throw systemError('EPERM');
    });
    await expect(
      writeFileAtomic(target, 'replacement', { fs: { rename }, renameRetryDelaysMs: [1, 1] }),
    ).rejects.toThrow(/EPERM/);
    expect(rename).toHaveBeenCalledTimes(3);
    expect(await fs.readFile(target, 'utf8')).toBe('original');
    expect(await fs.readdir(dir)).toEqual(['plan.upskill.json']);
  });

  it('does not retry errors that are not locks', async () => {
    await writeFileAtomic(target, 'original');
    const rename = vi.fn<AtomicWriteFs['rename']>(async () => {
      throw systemError('EIO');
    });
    await expect(writeFileAtomic(target, 'x', { fs: { rename } })).rejects.toThrow(/EIO/);
    expect(rename).toHaveBeenCalledTimes(1);
    expect(await fs.readFile(target, 'utf8')).toBe('original');
  });

  it('keeps the original intact when writing the temp file fails midway (disk full)', async () => {
    await writeFileAtomic(target, 'original');
    const open: AtomicWriteFs['open'] = async (path, flags, mode) => {
      const handle = await fs.open(path, flags, mode);
      if (flags !== 'wx') return handle;
      return new Proxy(handle, {
        get(real, property) {
          if (property === 'writeFile') {
            return async () => {
              await real.writeFile('half of the ne');
              throw systemError('ENOSPC');
            };
          }
          const value: unknown = Reflect.get(real, property);
          return typeof value === 'function' ? value.bind(real) : value;
        },
      });
    };
    await expect(writeFileAtomic(target, 'the new content', { fs: { open } })).rejects.toThrow(
      /ENOSPC/,
    );
    expect(await fs.readFile(target, 'utf8')).toBe('original');
    expect(await fs.readdir(dir)).toEqual(['plan.upskill.json']);
  });

  it('fails cleanly when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'plan.json'), 'x')).rejects.toThrow(/ENOENT/);
  });

  it.skipIf(process.platform === 'win32')(
    'keeps the permissions of the file it replaces',
    async () => {
      await writeFileAtomic(target, 'private');
      await fs.chmod(target, 0o600);
      await writeFileAtomic(target, 'still private');
      expect((await fs.stat(target)).mode & 0o777).toBe(0o600);
    },
  );
});
