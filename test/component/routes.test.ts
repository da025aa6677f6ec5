/** Reading the URL hash: every hash is a route, and a hash it cannot read is the library. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHash, toHash } from '../../renderer/src/app/routes';

describe('parseHash', () => {
  it('reads plan routes, sections and focus', () => {
    expect(parseHash('#/plan/plan-1/logicModel?focus=lm-2')).toEqual({
      view: 'plan',
      planId: 'plan-1',
      section: 'logicModel',
      focus: 'lm-2',
    });
    expect(parseHash('#/plan/a%20b/nowhere')).toEqual({
      view: 'plan',
      planId: 'a b',
      section: 'objective',
    });
    expect(parseHash('')).toEqual({ view: 'library' });
  });

  it('goes to the library, marked unreadable, for a malformed escape or an unknown path', () => {
    for (const hash of [
      '#/plan/%/objective',
      '#/plan/%E0%A4%A/objective',
      '#/plan/x/%zz',
      '#/%',
      '#/plans',
      '#/plan/',
    ])
      expect(parseHash(hash)).toEqual({ view: 'library', unreadable: true });
    for (const hash of ['', '#', '#/']) expect(parseHash(hash)).toEqual({ view: 'library' });
  });

  it('writes a hash for any id a file may hold, even half a surrogate pair', () => {
    expect(
      toHash({ view: 'plan', planId: 'a\ud800b', section: 'objective', focus: '\udc00' }),
    ).toBe('#/plan/a%EF%BF%BDb/objective?focus=%EF%BF%BD');
  });

  it('never throws, and reads back every route it writes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (hash) => {
        expect(() => parseHash(hash)).not.toThrow();
        expect(() => parseHash(`#/plan/${hash}/objective`)).not.toThrow();
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.option(fc.string({ minLength: 1 }), { nil: undefined }),
        (planId, focus) => {
          const route = { view: 'plan', planId, section: 'health', focus } as const;
          const { focus: _, ...withoutFocus } = route;
          expect(parseHash(toHash(route))).toEqual(focus ? route : withoutFocus);
        },
      ),
    );
  });
});
