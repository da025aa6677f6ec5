/**
 * The stakeholder section's sidebar badge is spoken in the UI language
 * (issue 15): "4 overdue engagement actions" with the plural each language needs.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { describeOverdueBadge } from '../../renderer/src/features/stakeholders/badge';
import { setUiLanguage } from '../../renderer/src/i18n/i18n';

describe('stakeholders badge words', () => {
  afterEach(async () => {
    await setUiLanguage('en');
  });

  it('English word for word', async () => {
    await setUiLanguage('en');
    expect(describeOverdueBadge(1)).toBe('1 overdue engagement action');
    expect(describeOverdueBadge(4)).toBe('4 overdue engagement actions');
  });

  it('Spanish, Arabic and Ukrainian plurals', async () => {
    await setUiLanguage('es');
    expect(describeOverdueBadge(4)).toBe('4 acciones de relación vencidas');
    await setUiLanguage('ar');
    expect(describeOverdueBadge(2)).toBe('إجراءا تواصل متأخران');
    expect(describeOverdueBadge(3)).toBe('3 إجراءات تواصل متأخرة');
    await setUiLanguage('uk');
    expect(describeOverdueBadge(5)).toBe('5 прострочених дій із взаємодії');
  });
});
