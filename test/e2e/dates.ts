import type { Locator } from 'playwright-core';

/**
 * Types an ISO date into a date field (a labelled group of month/day/year
 * segments) as a person would: click its first segment, then type the digits
 * in the order the field shows its segments.
 */
export async function fillDate(field: Locator, iso: string): Promise<void> {
  const [year, month, day] = iso.split('-');
  const parts: Record<string, string> = { year: year!, month: month!, day: day! };
  const segments = field.getByRole('spinbutton');
  const types = await segments.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  await segments.first().click();
  for (const type of types) await field.page().keyboard.type(parts[type ?? ''] ?? '');
  await field.page().keyboard.press('Tab');
}

/** The ISO date a date field shows, or null when any segment is empty. */
export async function dateValue(field: Locator): Promise<string | null> {
  const parts = await field
    .getByRole('spinbutton')
    .evaluateAll((els) =>
      els.map((e) => [e.getAttribute('data-type') ?? '', e.getAttribute('aria-valuenow')] as const),
    );
  const by = Object.fromEntries(parts);
  if (!by.year || !by.month || !by.day) return null;
  return `${by.year.padStart(4, '0')}-${by.month.padStart(2, '0')}-${by.day.padStart(2, '0')}`;
}
