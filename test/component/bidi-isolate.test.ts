/**
 * Values put into translated sentences are isolated from the sentence's
 * direction where they could be misordered (renderer/src/i18n/bidi.ts), and
 * the UI's i18next instance does it for every message.
 */
import { describe, expect, it } from 'vitest';
import { FSI, isolateArguments, PDI, plainArguments } from '../../renderer/src/i18n/bidi';

describe('plain arguments of a message', () => {
  it('finds {name} arguments, not those of plurals or selects', () => {
    expect(
      plainArguments('Delete “{name}”? {count, plural, one {# item} other {# items}}'),
    ).toEqual(['name']);
    expect(plainArguments('{kind, select, funder {Funder {name}} other {{name}}}')).toEqual([
      'name',
    ]);
    expect(plainArguments('{kind, select, a {A} other {B}}')).toEqual([]);
    expect(plainArguments('{kind}: {kind, select, a {A} other {B}}')).toEqual([]);
    expect(
      plainArguments('{n, plural, offset:1 =0 {none} one {{who}} other {# and {who}}}'),
    ).toEqual(['who']);
    expect(plainArguments('{when, date, long} by {who}')).toEqual(['who']);
    expect(plainArguments('No arguments.')).toEqual([]);
  });
});

describe('isolating values', () => {
  const message =
    'حذف «{name}» ({count, plural, one {# عنصر} other {# عناصر}})؟ {kind, select, a {أ} other {ب}}';

  it('isolates every plain string value in a right-to-left language', () => {
    const out = isolateArguments(
      message,
      { name: 'Lower Valley Digital Futures 2027', count: 3, kind: 'a' },
      'ar',
    );
    expect(out).toEqual({
      name: `${FSI}Lower Valley Digital Futures 2027${PDI}`,
      count: 3,
      kind: 'a',
    });
  });

  it('in a left-to-right language isolates only values with right-to-left letters', () => {
    const values = { name: 'Lower Valley', count: 1, kind: 'a' };
    expect(isolateArguments('Delete “{name}”?', values, 'en')).toBe(values);
    expect(isolateArguments('Delete “{name}”?', { name: 'نافذة 2026' }, 'en')).toEqual({
      name: `${FSI}نافذة 2026${PDI}`,
    });
  });

  it('leaves empty, non-string and already isolated values alone', () => {
    const values = { name: '', other: `${FSI}x${PDI}`, n: 5 };
    expect(isolateArguments('{name} {other} {n}', values, 'ar')).toBe(values);
    expect(isolateArguments('{name}', undefined, 'ar')).toBeUndefined();
  });
});

describe('the UI translator', () => {
  it('isolates a plan name inside an Arabic sentence and leaves English as it was', async () => {
    const { i18n } = await import('../../renderer/src/i18n/i18n');
    const { addLanguage } = await import('../../shared/i18n/translator');
    // The window title names the plan: "{name} — Upskill Workbench".
    expect(i18n.t('shell:windowTitle', { name: 'Lower Valley 2027' })).toBe(
      'Lower Valley 2027 — Upskill Workbench',
    );
    await addLanguage(i18n, 'ar');
    await i18n.changeLanguage('ar');
    expect(i18n.t('shell:windowTitle', { name: 'Lower Valley 2027' })).toBe(
      `${FSI}Lower Valley 2027${PDI} — Upskill Workbench`,
    );
    await i18n.changeLanguage('en');
  });
});
