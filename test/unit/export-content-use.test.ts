/**
 * The Content in use and Skills-first chapters and sheets (issue 14):
 * counts per item and per role only — no learner, and no person of the
 * skills map, is named in them.
 */
import { describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import { setAuditEntry } from '../../shared/commands/content-audit';
import { recordAssessment } from '../../shared/commands/skills-first';
import {
  contentInUseBlocks,
  contentInUseSheets,
  skillsFirstBlocks,
  skillsFirstSheets,
} from '../../shared/export/content-use-chapter';
import { contentUse } from '../../shared/manage/content-use';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { readPlanFile } from '../../shared/plan/plan-file';
import { Plan as PlanSchema, type Plan } from '../../shared/plan/schema';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

function run(plan: Plan, command: Command): Plan {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

const ASOF = '2027-06-30';

function withPeople(): Plan {
  const roleId = sample.skillsMap.holders.find((h) => h.kind === 'role')!.id;
  let plan = PlanSchema.parse({
    ...sample,
    skillsMap: {
      ...sample.skillsMap,
      holders: [
        ...sample.skillsMap.holders,
        { id: 'person-zed', name: 'Zed Secretname', kind: 'person', roleId },
      ],
    },
  });
  plan = run(
    plan,
    recordAssessment({
      holderId: 'person-zed',
      skillId: sample.skillsMap.skills[0]!.id,
      date: '2027-05-01',
      level: 4,
      source: 'assessed',
    }),
  );
  return run(
    plan,
    setAuditEntry({
      itemId: 'cat-regional-jobsearch',
      patch: { owner: 'Content team', reviewDate: '2027-06-01', maintenanceHoursPerYear: 50 },
    }),
  );
}

const allText = (blocks: unknown) => JSON.stringify(blocks);

describe('content in use and skills-first exports', () => {
  const plan = withPeople();
  const roster = syntheticRoster(plan, { learners: 300, seed: 9, asOf: ASOF });
  const use = contentUse(plan, roster.learners, roster.courseRows, ASOF);

  it('give counts per item and the audit, never a learner', () => {
    const blocks = contentInUseBlocks(plan, use, ASOF);
    const text = allText(blocks) + allText(contentInUseSheets(plan, use, ASOF));
    expect(text).toContain('Regional');
    expect(text).toContain('Content team');
    for (const learner of roster.learners.slice(0, 50)) {
      expect(text).not.toContain(learner.email);
      expect(text).not.toContain(learner.name);
    }
    const usage = blocks.find((b) => b.type === 'table')!;
    expect(usage.type === 'table' && usage.rows.length).toBe(plan.content.catalog.length);
    const sheets = contentInUseSheets(plan, use, ASOF);
    expect(sheets.map((s) => s.name)).toEqual(['Content in use', 'Content audit']);
    for (const sheet of sheets)
      for (const row of sheet.rows) expect(row).toHaveLength(sheet.columns.length);
  });

  it('without roster counts still export the audit', () => {
    const blocks = contentInUseBlocks(plan, undefined, ASOF);
    expect(blocks.some((b) => b.type === 'heading' && b.text === 'Content audit')).toBe(true);
    expect(contentInUseSheets(plan, undefined, ASOF).map((s) => s.name)).toEqual(['Content audit']);
  });

  it('skills-first: counts per role and capability, no person named', () => {
    const text = allText(skillsFirstBlocks(plan)) + allText(skillsFirstSheets(plan));
    expect(text).toContain('Roles filled by qualified talent');
    expect(text).not.toContain('Zed Secretname');
    for (const sheet of skillsFirstSheets(plan))
      for (const row of sheet.rows) expect(row).toHaveLength(sheet.columns.length);
  });
});
