import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  contentTypeFor,
  createAppProtocolHandler,
  resolveAppAsset,
} from '../../electron/app-protocol';
import { buildContentSecurityPolicy } from '../../electron/security';

let base: string;
let root: string;

beforeAll(async () => {
  base = await fs.mkdtemp(join(tmpdir(), 'upskill-protocol-'));
  root = join(base, 'renderer');
  await fs.mkdir(join(root, 'assets'), { recursive: true });
  await fs.writeFile(join(root, 'index.html'), '<!doctype html><title>x</title>');
  await fs.writeFile(join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  await fs.writeFile(join(base, 'secret.txt'), 'outside the renderer folder');
});

afterAll(async () => {
  await fs.rm(base, { recursive: true, force: true });
});

describe('app:// scheme', () => {
  it('is a standard, secure scheme that does not bypass CSP', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    });
  });

  it('maps URLs inside the renderer folder only', () => {
    expect(resolveAppAsset(root, 'app://upskill/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://upskill/')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://upskill/plans/42')).toBe(join(root, 'index.html'));
    expect(resolveAppAsset(root, 'app://upskill/assets/index-abc.js?v=1#x')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    for (const url of [
      'app://upskill/../secret.txt',
      'app://upskill/%2e%2e/secret.txt',
      'app://upskill/..%2fsecret.txt',
      'app://upskill/assets/..%2F..%2Fsecret.txt',
      'app://upskill/..%5csecret.txt',
      'app://upskill/%00.js',
      'app://upskill/%E0%A4%A.js',
      'app://other/index.html',
      'file:///etc/passwd',
      'https://upskill/index.html',
    ]) {
      const resolved = resolveAppAsset(root, url);
      expect(resolved === null || resolved.startsWith(root), url).toBe(true);
      expect(resolved, url).not.toBe(join(base, 'secret.txt'));
    }
    expect(resolveAppAsset(root, 'app://upskill/..%2fsecret.txt')).toBeNull();
    expect(resolveAppAsset(root, 'app://other/index.html')).toBeNull();
  });

  it('serves files with an exact type, nosniff and the CSP header', async () => {
    const csp = buildContentSecurityPolicy({ kind: 'app' });
    const handler = createAppProtocolHandler({ rootDir: root, contentSecurityPolicy: csp });
    const page = await handler(new Request('app://upskill/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>x</title>');
    const script = await handler(new Request('app://upskill/assets/index-abc.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('answers 404 for escapes and missing files, 405 for writes', async () => {
    const handler = createAppProtocolHandler({
      rootDir: root,
      contentSecurityPolicy: "default-src 'self'",
    });
    expect((await handler(new Request('app://upskill/..%2fsecret.txt'))).status).toBe(404);
    expect((await handler(new Request('app://upskill/missing.js'))).status).toBe(404);
    expect(
      (await handler(new Request('app://upskill/assets/index-abc.js', { method: 'POST' }))).status,
    ).toBe(405);
  });

  it('knows the module-script and font types', () => {
    expect(contentTypeFor('a.mjs')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('a.WOFF2')).toBe('font/woff2');
    expect(contentTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
