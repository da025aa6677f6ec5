import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);
// js-yaml is the parser electron-builder itself reads electron-builder.yml with.
const yaml = require('js-yaml') as { load(text: string): unknown };

type Config = Record<string, unknown>;

function loadConfig(): Config {
  return yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Config;
}

let validate: ValidateFunction;

beforeAll(() => {
  const schema = JSON.parse(
    readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8'),
  ) as object;
  // The options electron-builder's own validator uses (app-builder-lib
  // schemaValidator.js), minus coerceTypes: our file should be exact.
  validate = new Ajv({ allErrors: true, verbose: true, strict: false }).compile(schema);
});

function errorsOf(config: Config): string[] {
  return validate(structuredClone(config))
    ? []
    : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`);
}

describe('electron-builder.yml', () => {
  it('matches electron-builder’s configuration schema', () => {
    expect(errorsOf(loadConfig())).toEqual([]);
  });

  it('rejects a misspelt or misplaced key (the validation has teeth)', () => {
    const config = loadConfig();
    expect(errorsOf({ ...config, fileAsociations: config['fileAssociations'] })).not.toEqual([]);
    expect(
      errorsOf({
        ...config,
        electronFuses: { ...(config['electronFuses'] as Config), runAsNod: false },
      }),
    ).not.toEqual([]);
    expect(
      errorsOf({ ...config, linux: { ...(config['linux'] as Config), categry: 'Office' } }),
    ).not.toEqual([]);
    expect(errorsOf({ ...config, asar: 'yes please' })).not.toEqual([]);
  });

  it('passes electron-builder’s own validateConfiguration too', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: Config, debug: { isEnabled: boolean }): Promise<void>;
    };
    await expect(
      validateConfiguration(loadConfig(), { isEnabled: false }),
    ).resolves.toBeUndefined();
    await expect(
      validateConfiguration({ ...loadConfig(), nodeIntegration: true }, { isEnabled: false }),
    ).rejects.toThrow(/Invalid configuration object/);
  });

  it('identifies the app and packs only the compiled output into an asar', () => {
    const config = loadConfig();
    expect(config).toMatchObject({
      appId: 'org.upskillworkbench.app',
      productName: 'Upskill Workbench',
      asar: true,
      directories: { output: 'release' },
    });
    expect(config['files']).toEqual(['out/**', 'package.json', '!**/*.map']);
  });

  it('flips the security fuses', () => {
    expect(loadConfig()['electronFuses']).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('associates plan files', () => {
    expect(loadConfig()['fileAssociations']).toEqual([
      {
        ext: 'upskill.json',
        name: 'Upskill Workbench plan',
        description: 'Upskill Workbench plan',
        role: 'Editor',
        mimeType: 'application/x-upskill-plan+json',
      },
    ]);
  });

  it('targets NSIS, DMG, AppImage and deb', () => {
    const config = loadConfig();
    expect(config['win']).toMatchObject({ target: 'nsis' });
    expect(config['mac']).toMatchObject({
      target: 'dmg',
      category: 'public.app-category.productivity',
    });
    expect(config['linux']).toMatchObject({ target: ['AppImage', 'deb'], category: 'Office' });
    expect(String((config['linux'] as Config)['maintainer'])).toMatch(/<[^@\s]+@[^>\s]+>/);
  });

  it('has a 512×512 PNG icon under 100 KB', () => {
    const config = loadConfig();
    const folder = (config['directories'] as Config)['buildResources'] as string;
    const png = readFileSync(join(root, folder, config['icon'] as string));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    expect(png.toString('latin1', 12, 16)).toBe('IHDR');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    expect(png.length).toBeLessThan(100 * 1024);
  });
});
