/**
 * Command step names and refusals in the language of the translator passed
 * (the UI's); English by default, word for word as before.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../shared/commands/command';
import { blankStakeholder, stakeholders } from '../../shared/commands/stakeholders';
import { engagementActions } from '../../shared/commands/stakeholders';
import { createTranslator } from '../../shared/i18n/translator';
import { createBlankPlan } from '../../shared/plan/create';

const plan = createBlankPlan('Plan');
const add = stakeholders.add({ item: blankStakeholder('Chamber of Commerce', undefined, 'sh-1') });
const orphanAction = engagementActions.add({
  item: { id: 'a-1', what: 'Call', who: '', when: null, done: false, repeatEveryDays: null },
  parentId: 'gone',
});

describe('command words in the UI language', () => {
  it('are English by default', () => {
    const added = runCommand(plan, add);
    expect(added.ok && added.label).toBe('Add stakeholder “Chamber of Commerce”');
    const refused = runCommand(plan, orphanAction);
    expect(!refused.ok && refused.reason).toBe(
      'The engagement action could not be added: its parent is gone.',
    );
  });

  it('are Spanish with a Spanish translator', async () => {
    const { t } = await createTranslator('es');
    const added = runCommand(plan, add, t);
    expect(added.ok && added.label).toBe('Añadir actor “Chamber of Commerce”');
    const refused = runCommand(plan, orphanAction, t);
    expect(!refused.ok && refused.reason).toBe(
      'No se pudo añadir el elemento (acción de relación): su elemento superior ya no existe.',
    );
  });

  it('are Arabic with an Arabic translator, plurals included', async () => {
    const { t } = await createTranslator('ar');
    const added = runCommand(plan, add, t);
    expect(added.ok && added.label).toBe('إضافة صاحب مصلحة “Chamber of Commerce”');
    const withTwo = runCommand(
      plan,
      stakeholders.add({ item: blankStakeholder('B', undefined, 'sh-2') }),
    );
    if (!withTwo.ok) throw new Error(withTwo.reason);
    const removed = runCommand(withTwo.plan, stakeholders.remove({ ids: ['sh-2', 'sh-x'] }), t);
    expect(removed.ok && removed.label).toBe('حذف أصحاب المصلحة (2)');
    const refused = runCommand(plan, orphanAction, t);
    expect(!refused.ok && refused.reason).toBe(
      'تعذّرت إضافة العنصر (إجراء تواصل): العنصر الأصلي لم يعد موجودًا.',
    );
  });
});
