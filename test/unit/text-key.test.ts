import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looseKey, wordsKey } from '../../shared/text-key';

describe('looseKey', () => {
  it('compares names without case and spacing', () => {
    expect(looseKey('  Data   Analysis ')).toBe('data analysis');
    expect(looseKey('ÉCOLE Numérique')).toBe('école numérique');
  });

  it('lowercases exactly as the English locale does, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(looseKey(text)).toBe(text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en'));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('wordsKey', () => {
  it('compares statements without case, punctuation or spacing', () => {
    expect(wordsKey('Learners complete their pathway.')).toBe(
      wordsKey('  learners COMPLETE their—pathway '),
    );
    expect(wordsKey('60% of learners')).toBe('60 of learners');
    expect(wordsKey('Learners complete')).not.toBe(wordsKey('Learners completed'));
  });
});
