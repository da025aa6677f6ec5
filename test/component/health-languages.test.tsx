/**
 * Plan health in the UI's language: the same findings in Spanish and in
 * Arabic (right to left), with the language's plurals, quotes and dates, the
 * repair buttons and the sidebar badge's words.
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { produce } from 'immer';
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { SECTION_BADGES } from '../../renderer/src/app/sections';
import { HealthSection } from '../../renderer/src/features/health/HealthSection';
import { setUiLanguage } from '../../renderer/src/i18n/i18n';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';

/**
 * The sample plan with two logic-model arrows to an item that is gone (two
 * errors, each with a repair), a Launch phase that ends before it starts (an
 * error with two dates) and an outcome without an indicator (a warning).
 */
function brokenSample(): Plan {
  const path = join(import.meta.dirname, '..', '..', 'resources', 'sample-plans');
  const result = readPlanFile(
    readFileSync(join(path, 'youth-digital-skills.upskill.json'), 'utf8'),
  );
  if (!result.ok) throw new Error(result.message);
  return produce(result.plan, (d) => {
    for (const id of ['gone-1', 'gone-2'])
      d.logicModel.links.push({ id, source: 'lm-in-team', target: id });
    d.objective.timeline.launch = { start: '2027-03-01', end: '2027-02-01' };
    // And a warning: an outcome loses its only indicator.
    d.indicators = d.indicators.filter((i) => !i.subjectIds.includes('toc-out-sustained'));
    for (const kpi of d.manage.kpis)
      if (kpi.indicatorId === 'ind-retention-12m') kpi.indicatorId = null;
  });
}

function renderHealth(plan: Plan) {
  const store = createPlanStore(plan, { write: async () => 1, describeError: String });
  render(
    <PlanStoreProvider value={store}>
      <HealthSection />
    </PlanStoreProvider>,
  );
  return store;
}

afterEach(async () => {
  await act(() => setUiLanguage('en'));
});

describe('Plan health in other languages', () => {
  it('shows the findings in Spanish: plural counts, quotes, dates and repairs', async () => {
    await act(() => setUiLanguage('es'));
    const store = renderHealth(brokenSample());
    expect(screen.getByRole('heading', { level: 1, name: 'Estado del plan' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^Errores/ })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toMatch(/^3 errores/);
    expect(
      screen.getByText(
        'La fase de Lanzamiento termina (1 de febrero de 2027) antes de empezar (1 de marzo de 2027): corrija el cronograma en el Objetivo.',
      ),
    ).toBeTruthy();
    const errors = within(screen.getByRole('region', { name: /^Errores/ })).getByRole('list', {
      name: /^Modelo lógico/,
    });
    expect(within(errors).getAllByText(/^Una flecha del modelo lógico apunta/)).toHaveLength(2);
    // A title the user typed stays as typed, in Spanish quotes.
    expect(
      screen.getAllByRole('button', { name: /^El resultado .*«.+» no tiene indicador/ }),
    ).not.toEqual([]);
    fireEvent.click(screen.getAllByRole('button', { name: 'Eliminar la flecha' })[0]!);
    expect(store.getState().history.present.logicModel.links.some((l) => l.id === 'gone-1')).toBe(
      false,
    );
    expect(SECTION_BADGES.health!.describe(1, brokenSample())).toBe('1 problema por resolver');
    expect(SECTION_BADGES.health!.describe(12, brokenSample())).toBe('12 problemas por resolver');
  });

  it('shows the findings in Arabic, right to left, with Arabic plurals', async () => {
    await act(() => setUiLanguage('ar'));
    expect(document.documentElement.dir).toBe('rtl');
    renderHealth(brokenSample());
    expect(screen.getByRole('heading', { level: 1, name: 'سلامة الخطة' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^الأخطاء/ })).toBeTruthy();
    // Three is a "few" plural in Arabic: "3 أخطاء" (one: خطأ واحد, two: خطآن, eleven: 11 خطأً).
    expect(screen.getByRole('status').textContent).toMatch(/^3 أخطاء/);
    // Each value is isolated (U+2068 … U+2069), so Latin names and figures keep their own direction.
    const timeline = screen.getByRole('button', { name: /^مرحلة الإطلاق تنتهي/ });
    expect(timeline.textContent).toBe(
      'مرحلة الإطلاق تنتهي (\u20681 فبراير 2027\u2069) قبل أن تبدأ (\u20681 مارس 2027\u2069): صحّح الجدول الزمني في الهدف.',
    );
    expect(screen.getAllByRole('button', { name: 'إزالة السهم' })).toHaveLength(2);
    expect(screen.getAllByRole('button', { name: /النتيجة .*«.+».*: بلا مؤشر/ })).not.toEqual([]);
    const badge = SECTION_BADGES.health!;
    expect(badge.describe(1, brokenSample())).toBe('مشكلة واحدة للإصلاح');
    expect(badge.describe(2, brokenSample())).toBe('مشكلتان للإصلاح');
    expect(badge.describe(3, brokenSample())).toBe('3 مشكلات للإصلاح');
    expect(badge.describe(11, brokenSample())).toBe('11 مشكلةً للإصلاح');
  });
});
