/**
 * Issue 13: the invitation list — e-mail validation, duplicates removed
 * (case-insensitive, trimmed; fast-check), names, segment value mapping,
 * wave assignment that keeps every total, and the bulk-invite CSV layouts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawTable } from '../../shared/content/catalog-import';
import {
  emailKey,
  guessInvitationMapping,
  inviteCsvHeader,
  inviteCsvLines,
  isValidEmail,
  previewInvitationImport,
  segmentValues,
  splitFullName,
  waveCounts,
  waveCursor,
  waveTotals,
} from '../../shared/launch/invitation-list';
import { INVITE_LAYOUTS } from '../../shared/launch/invite-layouts';

const segments = [
  { id: 'seg-neet', name: 'NEET young people' },
  { id: 'seg-grad', name: 'Unemployed graduates' },
];

function table(headers: string[], rows: string[][]): RawTable {
  return { headers, rows, rowNumbers: rows.map((_, i) => i + 2) };
}

describe('e-mail addresses', () => {
  it('accepts usual addresses and refuses broken ones', () => {
    for (const ok of [
      'ada@example.org',
      ' Ada.Lovelace+inv@mail.example.co.uk ',
      'jo_o@d-omain.io',
    ])
      expect(isValidEmail(ok), ok).toBe(true);
    for (const bad of [
      '',
      'ada',
      'ada@',
      '@example.org',
      'ada@example',
      'ada@@example.org',
      'ada lovelace@example.org',
      'ada@exa mple.org',
      'ada@-example.org',
      '.ada@example.org',
      'a..b@example.org',
      'ada@example.c',
    ])
      expect(isValidEmail(bad), bad).toBe(false);
  });

  it('accepts every generated address (fast-check)', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        // fast-check's addresses follow RFC 1123 hosts; ours ask for a letter-only top-level domain.
        fc.pre(/\.[a-z]{2,}$/i.test(email) && email.split('@')[0]!.length <= 64);
        expect(isValidEmail(email)).toBe(true);
      }),
    );
  });

  it('never accepts text without exactly one @ before a dotted domain', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        fc.pre(!/^[^@\s]+@[^@\s]+\.[^@\s]{2,}$/.test(text.trim()));
        expect(isValidEmail(text)).toBe(false);
      }),
    );
  });
});

describe('duplicates', () => {
  it('are the same e-mail whatever its case and surrounding spaces', () => {
    expect(emailKey('  Ada@Example.ORG ')).toBe(emailKey('ada@example.org'));
  });

  it('keep the first row of each e-mail and count the rest (fast-check)', () => {
    const address = fc
      .tuple(fc.constantFrom('ada', 'bo', 'cy', 'di'), fc.constantFrom('example.org', 'mail.io'))
      .map(([a, b]) => `${a}@${b}`);
    const variant = fc
      .tuple(address, fc.boolean(), fc.constantFrom('', ' ', '  '))
      .map(([a, upper, pad]) => `${pad}${upper ? a.toUpperCase() : a}${pad}`);
    fc.assert(
      fc.property(fc.array(variant, { maxLength: 40 }), (emails) => {
        const preview = previewInvitationImport(
          table(
            ['Name', 'Email'],
            emails.map((e, i) => [`Person ${i}`, e]),
          ),
          guessInvitationMapping(['Name', 'Email']),
          segments,
        );
        const distinct = new Set(emails.map(emailKey));
        expect(preview.ready.length).toBe(distinct.size);
        expect(preview.duplicates).toBe(emails.length - distinct.size);
        expect(new Set(preview.ready.map((r) => emailKey(r.email))).size).toBe(distinct.size);
        // The first of each is kept.
        const firsts = emails.filter(
          (e, i) => emails.findIndex((x) => emailKey(x) === emailKey(e)) === i,
        );
        expect(preview.ready.map((r) => r.email)).toEqual(firsts.map((e) => e.trim()));
      }),
    );
  });
});

describe('previewInvitationImport', () => {
  const headers = ['First name', 'Last name', 'E-mail', 'Group'];
  const rows = [
    ['Ada', 'Lovelace', 'ada@example.org', 'NEET'],
    ['Grace', 'Hopper', 'not-an-email', 'Graduates'],
    ['Alan', 'Turing', 'ADA@example.org ', 'NEET'],
    ['', '', 'nobody@example.org', 'NEET'],
    ['', '', '', ''],
    ['Katherine', 'Johnson', 'kj@example.org', 'Unemployed graduates'],
    ['Mary', 'Jackson', 'mj@example.org', ''],
  ];

  it('guesses the columns from the headings', () => {
    expect(guessInvitationMapping(headers)).toEqual({
      firstName: 0,
      lastName: 1,
      fullName: null,
      email: 2,
      segment: 3,
    });
  });

  it('keeps valid rows, says why the others fail, and counts duplicates and blank rows', () => {
    const mapping = guessInvitationMapping(headers);
    const preview = previewInvitationImport(table(headers, rows), mapping, segments, {
      segments: { neet: 'seg-neet', graduates: 'seg-grad' },
    });
    expect(preview.ready.map((r) => r.email)).toEqual([
      'ada@example.org',
      'kj@example.org',
      'mj@example.org',
    ]);
    expect(preview.ready.map((r) => r.segmentId)).toEqual(['seg-neet', 'seg-grad', null]);
    expect(preview.duplicates).toBe(1);
    expect(preview.blankRows).toBe(1);
    expect(preview.failed.map((f) => [f.row, f.issues.map((i) => i.message)])).toEqual([
      [3, ['“not-an-email” is not a valid e-mail address.']],
      [4, ['Same e-mail address as row 2: left out.']],
      [5, ['No name.']],
    ]);
    expect(preview.bySegment).toEqual({ 'seg-neet': 1, 'seg-grad': 1, '': 1 });
  });

  it('lists the segment values with the plan segment each suggests', () => {
    const values = segmentValues(table(headers, rows), 3, segments);
    expect(values.map((v) => [v.text, v.rows, v.suggested])).toEqual([
      ['NEET', 3, 'seg-neet'],
      ['Graduates', 1, 'seg-grad'],
      ['Unemployed graduates', 1, 'seg-grad'],
    ]);
  });

  it('needs an e-mail column and a name column', () => {
    const preview = previewInvitationImport(
      table(['X'], [['a']]),
      { firstName: null, lastName: null, fullName: null, email: null, segment: null },
      segments,
    );
    expect(preview.mappingErrors).toHaveLength(2);
  });

  it('splits a full name at its last space', () => {
    expect(splitFullName(' Ada  King Lovelace ')).toEqual({
      firstName: 'Ada King',
      lastName: 'Lovelace',
    });
    expect(splitFullName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
  });
});

describe('waves', () => {
  const waves = [
    { id: 'w1', name: 'Wave 1', share: 65 },
    { id: 'w2', name: 'Wave 2', share: 35 },
  ];

  it('shares each segment between waves, and every segment and wave keeps its total (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('', 'a', 'b', 'c'), fc.integer({ min: 0, max: 10_000 })),
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 5 }),
        (bySegment, shares) => {
          const ws = shares.map((share, j) => ({ id: `w${j}`, name: `W${j}`, share }));
          const counts = waveCounts(bySegment, ws, { mode: 'shares' });
          for (const [seg, n] of Object.entries(bySegment))
            expect(counts[seg]!.reduce((s, v) => s + v, 0)).toBe(n);
          const totals = waveTotals(counts, ws.length);
          expect(totals.reduce((s, v) => s + v, 0)).toBe(
            Object.values(bySegment).reduce((s, v) => s + v, 0),
          );
          // The cursor hands out exactly those counts, in file order.
          for (const [seg, n] of Object.entries(bySegment)) {
            const next = waveCursor(counts);
            const got = Array.from({ length: ws.length }, () => 0);
            for (let i = 0; i < n; i++) {
              const j = next(seg || null);
              got[j] = got[j]! + 1;
            }
            expect(got).toEqual(counts[seg]);
          }
        },
      ),
    );
  });

  it('puts a whole segment in the wave chosen for it', () => {
    const counts = waveCounts({ a: 10, '': 3 }, waves, { mode: 'segment', waves: { a: 'w2' } });
    expect(counts).toEqual({ a: [0, 10], '': [3, 0] });
  });
});

describe('bulk-invite CSV layouts', () => {
  const invitee = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: 'Ada@Example.org',
    segment: 'NEET',
    wave: 'Wave 1',
  };

  it('writes each layout with its headings and one line per person', () => {
    expect(INVITE_LAYOUTS.map((l) => l.id)).toEqual(['generic', 'fullName', 'mailchimp', 'moodle']);
    expect(inviteCsvHeader('generic')).toBe('\ufeffFirst name,Last name,Email,Segment,Wave\r\n');
    expect(inviteCsvLines('generic', [invitee])).toBe(
      'Ada,Lovelace,Ada@Example.org,NEET,Wave 1\r\n',
    );
    expect(inviteCsvLines('fullName', [invitee])).toBe('Ada Lovelace,Ada@Example.org\r\n');
    expect(inviteCsvLines('mailchimp', [invitee])).toBe(
      'Ada@Example.org,Ada,Lovelace,"NEET,Wave 1"\r\n',
    );
    expect(inviteCsvHeader('moodle')).toBe('\ufeffusername,firstname,lastname,email\r\n');
    expect(inviteCsvLines('moodle', [invitee])).toBe(
      'ada@example.org,Ada,Lovelace,Ada@Example.org\r\n',
    );
  });

  it('writes a name that looks like a formula as text', () => {
    expect(
      inviteCsvLines('fullName', [{ ...invitee, firstName: '=HYPERLINK("x")', lastName: '' }]),
    ).toBe(`"'=HYPERLINK(""x"")",Ada@Example.org\r\n`);
  });
});
