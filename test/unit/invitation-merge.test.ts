/**
 * Issue 13: several source lists make one invitation list. Merging keeps
 * everyone already listed, appends the new people in their order, and
 * leaves out anyone whose e-mail (trimmed, any case) is already on the list
 * or came earlier in the same file (fast-check over e-mails that differ
 * only in case and spaces).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emailKey, mergeInvitees, type InvitationRow } from '../../shared/launch/invitation-list';

const person = (email: string, segmentId: string | null = null): InvitationRow => ({
  firstName: 'A',
  lastName: 'B',
  email,
  segmentId,
});

/** An e-mail from a small pool, written with random case and spaces around it. */
const email = fc
  .tuple(
    fc.constantFrom('ana', 'ben', 'cara', 'dan', 'eli'),
    fc.boolean(),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([name, upper, pad]) => `${pad}${upper ? name.toUpperCase() : name}@Example.org${pad}`);

describe('merging invitation lists', () => {
  it('appends the new people and counts the ones already listed', () => {
    const listed = new Set(['ana@example.org']);
    const merged = mergeInvitees(listed, [
      person(' ANA@example.org '),
      person('ben@example.org', 'seg'),
      person('Ben@Example.org', 'seg'),
      person('cara@example.org'),
    ]);
    expect(merged.added.map((p) => p.email)).toEqual(['ben@example.org', 'cara@example.org']);
    expect(merged.repeated).toBe(2);
    expect(merged.bySegment).toEqual({ seg: 1, '': 1 });
    expect([...listed].sort()).toEqual(['ana@example.org', 'ben@example.org', 'cara@example.org']);
  });

  it('never lists an e-mail twice, keeps order, and adds nothing on a second merge of the same file', () => {
    fc.assert(
      fc.property(
        fc.array(email, { maxLength: 12 }),
        fc.array(email, { maxLength: 12 }),
        (a, b) => {
          const listed = new Set<string>();
          const first = mergeInvitees(
            listed,
            a.map((e) => person(e)),
          );
          const second = mergeInvitees(
            listed,
            b.map((e) => person(e)),
          );
          const all = [...first.added, ...second.added];
          const keys = all.map((p) => emailKey(p.email));
          expect(new Set(keys).size).toBe(keys.length);
          expect(first.added.length + first.repeated).toBe(a.length);
          expect(second.added.length + second.repeated).toBe(b.length);
          // Each added person is the first in its file with that e-mail, in file order.
          const firstOf = b.filter((e, i) => b.findIndex((x) => emailKey(x) === emailKey(e)) === i);
          expect(second.added.map((p) => p.email)).toEqual(
            firstOf.filter((e) => !a.some((x) => emailKey(x) === emailKey(e))),
          );
          expect(
            mergeInvitees(
              listed,
              b.map((e) => person(e)),
            ).added,
          ).toEqual([]);
        },
      ),
    );
  });
});
