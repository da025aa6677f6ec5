import { act } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

/**
 * Types an ISO date into a date field (a group of segments) the way a person
 * would: click the first segment, then type the digits in the field's own
 * segment order (month/day/year in en-US), clearing what was there first.
 */
export async function typeDate(group: HTMLElement, iso: string | null): Promise<void> {
  const user = userEvent.setup();
  const segments = [...group.querySelectorAll<HTMLElement>('[role="spinbutton"]')];
  if (segments.length === 0) throw new Error('No date segments in this group');
  if (iso === null) {
    await user.click(segments[segments.length - 1]!);
    await user.keyboard('{Backspace}'.repeat(12));
    return;
  }
  const [year, month, day] = iso.split('-');
  const parts: Record<string, string> = { year: year!, month: month!, day: day! };
  for (const segment of segments) {
    const type = segment.getAttribute('data-type') ?? '';
    await user.click(segment);
    await user.keyboard(parts[type] ?? '');
  }
  await act(async () => {
    (document.activeElement as HTMLElement | null)?.blur();
  });
}
