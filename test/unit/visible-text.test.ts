/** Names from plan files shown on a library card or in a window title. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleText } from '../../shared/visible-text';

describe('visibleText', () => {
  it('puts a name with controls, line breaks and bidi overrides on one clean line', () => {
    expect(visibleText('Skills\u0000 Bridge\r\n2026\t\u0085 plan')).toBe('Skills Bridge 2026 plan');
    expect(visibleText('\u202eevil.exe\u202c name')).toBe('evil.exe name');
    expect(visibleText('  Café — Région Nord  ')).toBe('Café — Région Nord');
  });

  it('falls back when nothing visible is left', () => {
    expect(visibleText('\u0007\u0000 \n', 'Untitled plan')).toBe('Untitled plan');
    expect(visibleText('')).toBe('');
  });

  // fast-check builds strings of any code point slowly on a busy machine: more than the default 5 s.
  it('never leaves a control character or a double space', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const shown = visibleText(text);
        // eslint-disable-next-line no-control-regex
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\s\s/);
        expect(shown).toBe(shown.trim());
      }),
    );
  });
});
