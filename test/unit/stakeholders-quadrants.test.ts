/** Quadrants, score clamping and parsing, key steps and pixel mapping of the matrix. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clampScore,
  HIGH_THRESHOLD,
  keyStep,
  nudge,
  parseScore,
  pixelsFromPoint,
  pointFromPixels,
  QUADRANT_INFO,
  quadrantOf,
  visualQuadrant,
} from '../../shared/stakeholders/quadrants';

describe('quadrantOf', () => {
  it('maps each corner to its quadrant', () => {
    expect(quadrantOf({ power: 100, interest: 100 })).toBe('manageClosely');
    expect(quadrantOf({ power: 100, interest: 0 })).toBe('keepSatisfied');
    expect(quadrantOf({ power: 0, interest: 100 })).toBe('keepInformed');
    expect(quadrantOf({ power: 0, interest: 0 })).toBe('monitor');
  });

  it('counts exactly 50 as high on both axes', () => {
    expect(HIGH_THRESHOLD).toBe(50);
    expect(quadrantOf({ power: 50, interest: 50 })).toBe('manageClosely');
    expect(quadrantOf({ power: 50, interest: 49 })).toBe('keepSatisfied');
    expect(quadrantOf({ power: 49, interest: 50 })).toBe('keepInformed');
    expect(quadrantOf({ power: 49, interest: 49 })).toBe('monitor');
    expect(quadrantOf({ power: 49.999, interest: 50 })).toBe('keepInformed');
    expect(quadrantOf({ power: 50, interest: 49.999 })).toBe('keepSatisfied');
  });

  it('gives every quadrant a label and an approach', () => {
    for (const info of Object.values(QUADRANT_INFO)) {
      expect(info.label.length).toBeGreaterThan(3);
      expect(info.approach.length).toBeGreaterThan(40);
    }
    expect(QUADRANT_INFO.keepSatisfied.label).toBe('Keep satisfied');
  });
});

describe('clampScore', () => {
  it('keeps in-range scores and rounds to whole points', () => {
    expect(clampScore(0)).toBe(0);
    expect(clampScore(100)).toBe(100);
    expect(clampScore(50)).toBe(50);
    expect(clampScore(49.5)).toBe(50);
    expect(clampScore(49.4)).toBe(49);
  });

  it('clamps out-of-range values to the edges', () => {
    expect(clampScore(-0.4)).toBe(0);
    expect(clampScore(-1)).toBe(0);
    expect(clampScore(100.4)).toBe(100);
    expect(clampScore(101)).toBe(100);
    expect(clampScore(1e300)).toBe(100);
    expect(clampScore(-1e300)).toBe(0);
  });

  it('uses the fallback for NaN, infinities and non-numbers', () => {
    expect(clampScore(Number.NaN)).toBe(50);
    expect(clampScore(Number.POSITIVE_INFINITY, 20)).toBe(20);
    expect(clampScore(Number.NEGATIVE_INFINITY, 70)).toBe(70);
    expect(clampScore(null, 30)).toBe(30);
    expect(clampScore('80', 30)).toBe(30);
    expect(clampScore(Number.NaN, Number.NaN)).toBe(50);
    expect(clampScore(Number.NaN, 500)).toBe(100);
  });

  it('always returns a whole number in 0–100', () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        const v = clampScore(n);
        return Number.isInteger(v) && v >= 0 && v <= 100;
      }),
    );
  });
});

describe('parseScore', () => {
  it('accepts 0 to 100, rounding decimals', () => {
    expect(parseScore('0')).toEqual({ ok: true, value: 0 });
    expect(parseScore(' 100 ')).toEqual({ ok: true, value: 100 });
    expect(parseScore('50')).toEqual({ ok: true, value: 50 });
    expect(parseScore('72.6')).toEqual({ ok: true, value: 73 });
  });

  it('refuses absurd, empty and non-numeric input with a message', () => {
    for (const text of ['101', '-1', '1e9', '100.01', '', '  ', 'abc', '5O', 'NaN', 'Infinity']) {
      const result = parseScore(text, 'Power');
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/0 to 100|not a number/);
    }
    expect(parseScore('250', 'Power')).toEqual({
      ok: false,
      problem: 'outOfRange',
      message: 'Power must be from 0 to 100.',
    });
    // The reason, for the UI to word in its language.
    expect(parseScore(' ', 'Power')).toMatchObject({ ok: false, problem: 'empty' });
    expect(parseScore('5O', 'Power')).toMatchObject({ ok: false, problem: 'notNumber' });
  });
});

describe('keyboard moves', () => {
  it('moves by 1, or by 10 with Shift; up is more power, right more interest', () => {
    expect(keyStep('ArrowUp', false)).toEqual({ dPower: 1, dInterest: 0 });
    expect(keyStep('ArrowDown', true)).toEqual({ dPower: -10, dInterest: 0 });
    expect(keyStep('ArrowRight', false)).toEqual({ dPower: 0, dInterest: 1 });
    expect(keyStep('ArrowLeft', true)).toEqual({ dPower: 0, dInterest: -10 });
    expect(keyStep('Enter', false)).toBeNull();
  });

  it('right to left, left is more interest (the key follows the mirrored axis); up is still more power', () => {
    expect(keyStep('ArrowLeft', false, true)).toEqual({ dPower: 0, dInterest: 1 });
    expect(keyStep('ArrowRight', true, true)).toEqual({ dPower: 0, dInterest: -10 });
    expect(keyStep('ArrowUp', false, true)).toEqual({ dPower: 1, dInterest: 0 });
  });

  it('stops at the edges of the matrix', () => {
    expect(nudge({ power: 95, interest: 3 }, 10, -10)).toEqual({ power: 100, interest: 0 });
  });
});

describe('pixel mapping', () => {
  it('puts high power at the top and high interest at the right', () => {
    expect(pointFromPixels(0, 0, 800, 600)).toEqual({ power: 100, interest: 0 });
    expect(pointFromPixels(800, 600, 800, 600)).toEqual({ power: 0, interest: 100 });
    expect(pointFromPixels(400, 300, 800, 600)).toEqual({ power: 50, interest: 50 });
    expect(pointFromPixels(-50, 9999, 800, 600)).toEqual({ power: 0, interest: 0 });
    expect(pointFromPixels(10, 10, 0, 0)).toEqual({ power: 0, interest: 100 });
  });

  it('right to left, puts high interest at the left and keeps power up', () => {
    expect(pointFromPixels(0, 0, 800, 600, true)).toEqual({ power: 100, interest: 100 });
    expect(pointFromPixels(800, 600, 800, 600, true)).toEqual({ power: 0, interest: 0 });
    expect(pixelsFromPoint({ power: 100, interest: 100 }, 800, 600, true)).toEqual({ x: 0, y: 0 });
    // So "Manage closely" is drawn where "Keep satisfied" is drawn left to right.
    expect(visualQuadrant('manageClosely', true)).toBe('keepSatisfied');
    expect(visualQuadrant('monitor', true)).toBe('keepInformed');
    expect(visualQuadrant('monitor', false)).toBe('monitor');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (p, i) => {
        const px = pixelsFromPoint({ power: p, interest: i }, 1000, 700, true);
        expect(pointFromPixels(px.x, px.y, 1000, 700, true)).toEqual({ power: p, interest: i });
        const ltr = pixelsFromPoint({ power: p, interest: i }, 1000, 700);
        expect(px.x).toBeCloseTo(1000 - ltr.x);
      }),
    );
  });

  it('round-trips scores through pixels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }), (p, i) => {
        const px = pixelsFromPoint({ power: p, interest: i }, 1000, 700);
        expect(pointFromPixels(px.x, px.y, 1000, 700)).toEqual({ power: p, interest: i });
      }),
    );
  });
});
