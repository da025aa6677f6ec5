/**
 * Notices and errors built outside components follow the UI language
 * (issue 15): the database's words a user can act on, in English word for
 * word and in Spanish and Arabic.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { describeDatabaseError } from '../../renderer/src/db/database';
import { setUiLanguage } from '../../renderer/src/i18n/i18n';

const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });

describe('shell messages in the UI language', () => {
  afterEach(async () => {
    await setUiLanguage('en');
  });

  it('English word for word', async () => {
    await setUiLanguage('en');
    expect(describeDatabaseError(quota, 'library')).toBe(
      'There is no storage space left on this computer, so the library cannot change. Free some disk space, then try again.',
    );
    expect(describeDatabaseError(new Error('boom'))).toBe(
      'The local plan database could not be used: boom',
    );
  });

  it('Spanish and Arabic', async () => {
    await setUiLanguage('es');
    expect(describeDatabaseError(quota)).toMatch(/^No queda espacio de almacenamiento/);
    await setUiLanguage('ar');
    expect(describeDatabaseError(quota)).toMatch(/^لم تبقَ مساحة تخزين/);
  });
});
