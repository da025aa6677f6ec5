/**
 * Plan health on the stakeholder map: a "Manage closely" stakeholder with no
 * open engagement action is a finding that links to the stakeholder.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { checkPlanHealth } from '../../shared/health/check';
import { unengagedKeyStakeholder } from '../../shared/health/rules';
import { HEALTH_RULES } from '../../shared/health/types';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';
import { inEnglish } from './health-english';

const sample: Plan = (() => {
  const result = readPlanFile(
    readFileSync(
      join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
      'utf8',
    ),
  );
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

const edit = (recipe: (draft: Plan) => void) => produce(sample, recipe);

describe('"Manage closely" stakeholders without an engagement action', () => {
  it('the sample has none', () => {
    expect(unengagedKeyStakeholder(sample)).toEqual([]);
  });

  it('finds one with no action, or only done ones, and links to it', () => {
    const plan = edit((d) => {
      const board = d.stakeholders.entries.find((e) => e.id === 'sh-skills-fund')!;
      board.actions = [];
      const chamber = d.stakeholders.entries.find((e) => e.id === 'sh-chamber')!;
      for (const a of chamber.actions) a.done = true;
    });
    const findings = unengagedKeyStakeholder(plan);
    expect(findings.map((f) => f.target)).toEqual([
      { section: 'stakeholders', elementId: 'sh-skills-fund' },
      { section: 'stakeholders', elementId: 'sh-chamber' },
    ]);
    expect(inEnglish(findings[0]!)).toMatchObject({
      rule: HEALTH_RULES.unengagedKeyStakeholder,
      severity: 'warning',
      message: expect.stringContaining('“Skills Fund board” is in “Manage closely”'),
    });
    // The whole check reports it too.
    expect(checkPlanHealth(plan).some((f) => f.rule === HEALTH_RULES.unengagedKeyStakeholder)).toBe(
      true,
    );
  });

  it('leaves out other quadrants and stakeholders still in the Unplaced tray', () => {
    const plan = edit((d) => {
      d.stakeholders.entries.push(
        {
          ...d.stakeholders.entries[0]!,
          id: 'sh-new',
          name: 'New',
          power: 50,
          interest: 50,
          actions: [],
          placed: false,
        },
        { ...d.stakeholders.entries[0]!, id: 'sh-low', name: 'Low', power: 10, actions: [] },
      );
    });
    expect(unengagedKeyStakeholder(plan)).toEqual([]);
  });
});
