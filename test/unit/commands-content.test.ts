/**
 * Commands of the Content catalog (with the import), Make or buy, Pathways &
 * skills (with the skills map) and indicators, without React: each
 * command's change, its cascades, its step name, where it is seen, how it
 * coalesces and what it refuses — run through `runCommand` on the sample plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registeredCommandTypes, runCommand, type Command } from '../../shared/commands/command';
import {
  addCatalogItem,
  checkItemIdsInSlices,
  importCatalogItems,
  removeCatalogItems,
  updateCatalogItem,
} from '../../shared/commands/content';
import {
  addIndicator,
  indicatorLocation,
  removeIndicators,
  setIndicatorSegment,
  setIndicatorValue,
  updateIndicator,
} from '../../shared/commands/indicators';
import {
  blankDecision,
  criteria,
  decisions,
  offerHybrid,
  raters,
  rateCriterion,
  recordDecision,
} from '../../shared/commands/make-or-buy';
import {
  addPathwayStep,
  addRequiredSkills,
  blankPathway,
  dropPathwayStep,
  mapSkills,
  movePathwayStep,
  pathways,
  removePathwaySteps,
  removeRequiredSkill,
  setPathwayMode,
  setPathwaySegment,
  setProficiency,
  setStepGroup,
  skillHolders,
} from '../../shared/commands/pathways';
import { quoted } from '../../shared/commands/command';
import { blankIndicator } from '../../shared/indicators/format';
import { commit, createHistory } from '../../shared/history';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { ContentItem, Plan } from '../../shared/plan/schema';

const sample = (() => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
})();

function run(plan: Plan, command: Command) {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome;
}

function refusal(plan: Plan, command: Command): string {
  const outcome = runCommand(plan, command);
  if (outcome.ok) throw new Error(`${command.type} was not refused`);
  return outcome.reason;
}

function item(id: string, title: string, skills: string[] = []): ContentItem {
  return {
    id,
    title,
    provider: 'Tessary',
    kind: 'course',
    skills,
    level: 'beginner',
    hours: 6,
    languages: ['English'],
    costPerLearner: null,
    url: '',
    notes: '',
  };
}

/** The sample's first pathway, a sequence, and its second, in groups. */
const sequence = sample.content.pathways.find((p) => p.mode === 'sequence')!;
const grouped = sample.content.pathways.find((p) => p.mode === 'group')!;
const decision = sample.content.decisions[0]!;
const catalogItem = sample.content.catalog.find((c) =>
  sequence.steps.some((s) => s.contentItemId === c.id),
)!;

describe('the commands of these sections', () => {
  it('are plain data with unique types', () => {
    const types = registeredCommandTypes();
    expect(new Set(types).size).toBe(types.length);
    for (const type of [
      'catalogItem.add',
      'catalog.import',
      'makeOrBuy.rate',
      'pathwayStep.move',
      'skillsMap.setProficiency',
      'indicator.setValue',
    ])
      expect(types).toContain(type);
    const command = setIndicatorValue({ id: 'ind-x', which: 'target', patch: { value: 3 } });
    expect(JSON.parse(JSON.stringify(command))).toEqual(command);
  });
});

describe('catalog commands', () => {
  it('add an item at the end (or at an index), frozen, and seen in the catalog', () => {
    const fresh = item('cat-new', 'Hardware Repair Bootcamp');
    const outcome = run(sample, addCatalogItem({ item: fresh }));
    expect(outcome).toMatchObject({
      label: 'Add catalog item “Hardware Repair Bootcamp”',
      location: { section: 'content', focus: 'cat-new' },
      coalesceKey: null,
    });
    const catalog = outcome.plan.content.catalog;
    expect(catalog.at(-1)).toEqual(fresh);
    expect(Object.isFrozen(catalog.at(-1))).toBe(true);
    expect(Object.isFrozen(catalog.at(-1)!.skills)).toBe(true);
    // The caller's object stays its own.
    expect(Object.isFrozen(fresh)).toBe(false);
    expect(run(sample, addCatalogItem({ item: fresh, index: 0 })).plan.content.catalog[0]?.id).toBe(
      'cat-new',
    );
    // An id already in the catalog: nothing changes.
    expect(run(outcome.plan, addCatalogItem({ item: fresh })).plan).toBe(outcome.plan);
  });

  it('edit an item, replacing only that item object, and coalesce typing per item and field', () => {
    const outcome = run(
      sample,
      updateCatalogItem({ id: catalogItem.id, patch: { title: 'Renamed course' } }),
    );
    expect(outcome).toMatchObject({
      label: `Edit title of ${quoted(catalogItem.title)}`,
      coalesceKey: `catalogItem.update:${catalogItem.id}:title`,
      location: { section: 'content', focus: catalogItem.id },
    });
    const after = outcome.plan.content.catalog;
    const at = sample.content.catalog.indexOf(catalogItem);
    expect(after[at]).toMatchObject({ id: catalogItem.id, title: 'Renamed course' });
    // Every other item is the same object (the search index is cached by identity).
    expect(after.filter((c, i) => c !== sample.content.catalog[i])).toHaveLength(1);
    const dialog = run(
      sample,
      updateCatalogItem({ id: catalogItem.id, patch: { hours: 3, skills: ['SQL'] } }),
    );
    expect(dialog.label).toBe(`Edit catalog item ${quoted(catalogItem.title)}`);
    // A save that changes nothing makes no step.
    const same = run(
      sample,
      updateCatalogItem({
        id: catalogItem.id,
        patch: { title: catalogItem.title, skills: [...catalogItem.skills] },
      }),
    );
    expect(same.plan).toBe(sample);
    expect(run(sample, updateCatalogItem({ id: 'gone', patch: { title: 'x' } })).plan).toBe(sample);
  });

  it('delete an item and every pathway step that used it', () => {
    const outcome = run(sample, removeCatalogItems({ ids: [catalogItem.id] }));
    expect(outcome.label).toBe(`Delete catalog item ${quoted(catalogItem.title)}`);
    expect(outcome.location).toEqual({ section: 'content' });
    const plan = outcome.plan;
    expect(plan.content.catalog.some((c) => c.id === catalogItem.id)).toBe(false);
    expect(plan.content.catalog).toHaveLength(sample.content.catalog.length - 1);
    for (const p of plan.content.pathways)
      expect(p.steps.some((s) => s.contentItemId === catalogItem.id)).toBe(false);
    const pathway = plan.content.pathways.find((p) => p.id === sequence.id)!;
    expect(pathway.steps).toHaveLength(sequence.steps.length - 1);
    // Pathways that did not use it are untouched.
    const other = sample.content.pathways.find(
      (p) => !p.steps.some((s) => s.contentItemId === catalogItem.id),
    );
    if (other) expect(plan.content.pathways.find((p) => p.id === other.id)).toBe(other);
    const two = sample.content.catalog.slice(0, 2).map((c) => c.id);
    expect(run(sample, removeCatalogItems({ ids: two })).label).toBe('Delete 2 catalog items');
    expect(run(sample, removeCatalogItems({ ids: ['gone'] })).plan).toBe(sample);
  });
});

describe('catalog import', () => {
  const rows = (n: number, prefix = 'imp') =>
    Object.freeze(
      Array.from({ length: n }, (_, i) =>
        Object.freeze(item(`${prefix}-${i}`, `Imported course ${i}`)),
      ),
    );

  it('adds every row as one step named after the count, keeping the existing items', () => {
    const added = rows(3);
    const outcome = run(sample, importCatalogItems({ items: added }));
    expect(outcome).toMatchObject({
      label: 'Import 3 catalog items',
      location: { section: 'content' },
      coalesceKey: null,
    });
    const catalog = outcome.plan.content.catalog;
    expect(catalog).toHaveLength(sample.content.catalog.length + 3);
    expect(catalog.slice(0, sample.content.catalog.length)).toEqual(sample.content.catalog);
    expect(catalog.slice(-3)).toEqual(added);
    expect(run(sample, importCatalogItems({ items: rows(1) })).label).toBe('Import 1 catalog item');
  });

  it('puts 50,000 pre-frozen rows in one frozen array without copying or walking them', () => {
    const added = rows(50_000);
    const outcome = run(sample, importCatalogItems({ items: added }));
    expect(outcome.label).toBe('Import 50,000 catalog items');
    const catalog = outcome.plan.content.catalog;
    expect(catalog).toHaveLength(sample.content.catalog.length + 50_000);
    expect(Object.isFrozen(catalog)).toBe(true);
    // The very objects passed in (immer made no drafts or copies of them).
    expect(catalog[sample.content.catalog.length]).toBe(added[0]);
    expect(catalog.at(-1)).toBe(added.at(-1));
    // And a later edit of one item leaves the other 50,031 as they were.
    const edited = run(outcome.plan, updateCatalogItem({ id: 'imp-49999', patch: { hours: 9 } }));
    expect(edited.plan.content.catalog.at(-1)?.hours).toBe(9);
    expect(edited.plan.content.catalog[0]).toBe(catalog[0]);
  });

  it('refuses an empty import and ids the catalog already has, changing nothing', () => {
    expect(refusal(sample, importCatalogItems({ items: [] }))).toBe('There are no rows to import.');
    const clash = [item('imp-a', 'A'), item(catalogItem.id, 'Clash')];
    expect(refusal(sample, importCatalogItems({ items: clash }))).toMatch(
      /share the id .*nothing was imported/,
    );
    const twice = [item('imp-a', 'A'), item('imp-a', 'A again')];
    expect(runCommand(sample, importCatalogItems({ items: twice })).ok).toBe(false);
  });

  it('checks the ids of a big import in slices beforehand, and still refuses a clash or a repeat', () => {
    const added = Object.freeze(rows(10_000));
    const check = checkItemIdsInSlices(added);
    let pauses = 0;
    while (!check.next().done) pauses++;
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(run(sample, importCatalogItems({ items: added })).plan.content.catalog).toHaveLength(
      sample.content.catalog.length + 10_000,
    );
    // Checked beforehand or not, a repeat among the new items or a clash with the catalog is refused.
    const repeat = Object.freeze([...rows(5000), item('imp-17', 'Again')]);
    for (const _ of checkItemIdsInSlices(repeat)) void _;
    expect(refusal(sample, importCatalogItems({ items: repeat }))).toBe(
      'Two catalog items would share the id “imp-17”, so nothing was imported.',
    );
    const clash = Object.freeze([...rows(5000), item(catalogItem.id, 'Clash')]);
    for (const _ of checkItemIdsInSlices(clash)) void _;
    expect(refusal(sample, importCatalogItems({ items: clash }))).toMatch(
      /share the id .*nothing was imported/,
    );
  });

  it('a re-import updates matching items and adds the new ones in one step; the plan before it is untouched (undo)', () => {
    const [first, second] = sample.content.catalog;
    const outcome = run(
      sample,
      importCatalogItems({
        items: [item('imp-new', 'New course')],
        updates: [
          { id: first!.id, patch: { hours: 77, notes: 'Enrolments: 5.3k' } },
          { id: second!.id, patch: { level: 'advanced' } },
        ],
      }),
    );
    expect(outcome.label).toBe('Import 1 new and update 2 catalog items');
    const catalog = outcome.plan.content.catalog;
    expect(catalog).toHaveLength(sample.content.catalog.length + 1);
    expect(catalog[0]).toEqual({ ...first, hours: 77, notes: 'Enrolments: 5.3k' });
    expect(catalog[1]).toEqual({ ...second, level: 'advanced' });
    expect(Object.isFrozen(catalog[0])).toBe(true);
    // Items the file did not touch are the very same objects.
    expect(catalog[2]).toBe(sample.content.catalog[2]);
    expect(catalog.at(-1)?.id).toBe('imp-new');
    // The plan the step started from is unchanged: undo returns to it.
    expect(sample.content.catalog[0]).toEqual(first);
    expect(
      run(sample, importCatalogItems({ items: [], updates: [{ id: first!.id, patch: {} }] })).label,
    ).toBe('Update 1 catalog item from a spreadsheet');
  });

  it('refuses a re-import whose item to update is gone, changing nothing', () => {
    expect(
      refusal(
        sample,
        importCatalogItems({ items: [], updates: [{ id: 'cat-gone', patch: { hours: 1 } }] }),
      ),
    ).toMatch(/no longer in the catalog, so nothing was imported/);
  });
});

describe('make-or-buy commands', () => {
  const time = decision.criteria.find((c) => c.label === 'Time before launch is short')!;
  const rater = decision.raters[0]!;

  it('add a decision with the usual criteria, edit its need, delete it', () => {
    const fresh = blankDecision('Regional customer-service module', 'mob-new');
    expect(fresh.criteria).toHaveLength(11);
    expect(fresh.criteria[0]?.id).toBe('mob-new-crit-unique');
    const added = run(sample, decisions.add({ item: fresh }));
    expect(added).toMatchObject({
      label: 'Add make-or-buy decision “Regional customer-service module”',
      location: { section: 'makeOrBuy', focus: 'mob-new' },
    });
    const need = run(added.plan, decisions.update({ id: 'mob-new', patch: { need: 'Module' } }));
    expect(need.label).toBe('Edit content need of “Regional customer-service module”');
    expect(need.coalesceKey).toBe('makeOrBuyDecision.update::mob-new:need');
    const removed = run(need.plan, decisions.remove({ ids: ['mob-new'] }));
    expect(removed.label).toBe('Delete make-or-buy decision “Module”');
    expect(removed.plan.content.decisions).toEqual(sample.content.decisions);
  });

  it('change a weight as one step per criterion, named after the criterion', () => {
    const step = (plan: Plan, weight: number) =>
      run(plan, criteria.update({ parentId: decision.id, id: time.id, patch: { weight } }));
    const first = step(sample, 1);
    expect(first).toMatchObject({
      label: 'Edit weight of “Time before launch is short”',
      location: { section: 'makeOrBuy', focus: decision.id },
    });
    // Typing "1", "12": one undo step, under the first step's name.
    let history = commit(createHistory(sample), first.plan, { ...first, name: first.label }, 0);
    const second = step(history.present, 12);
    expect(second.coalesceKey).toBe(first.coalesceKey);
    history = commit(history, second.plan, { ...second, name: second.label }, 100);
    expect(history.past.map((s) => s.action)).toEqual([
      'Edit weight of “Time before launch is short”',
    ]);
    const weights = history.present.content.decisions[0]!.criteria.map((c) => c.weight);
    expect(weights[decision.criteria.indexOf(time)]).toBe(12);
  });

  it('remove a criterion with its ratings, and a rater with theirs', () => {
    expect(decision.ratings[rater.id]?.[time.id]).toBeDefined();
    const withoutCriterion = run(
      sample,
      criteria.remove({ parentId: decision.id, ids: [time.id] }),
    );
    expect(withoutCriterion.label).toBe('Delete criterion “Time before launch is short”');
    const after = withoutCriterion.plan.content.decisions[0]!;
    expect(after.criteria.some((c) => c.id === time.id)).toBe(false);
    for (const own of Object.values(after.ratings)) expect(own[time.id]).toBeUndefined();
    // The other ratings stay.
    expect(Object.keys(after.ratings[rater.id]!)).toHaveLength(
      Object.keys(decision.ratings[rater.id]!).length - 1,
    );

    const withoutRater = run(sample, raters.remove({ parentId: decision.id, ids: [rater.id] }));
    expect(withoutRater.label).toBe(`Delete rater ${quoted(rater.name)}`);
    const left = withoutRater.plan.content.decisions[0]!;
    expect(left.raters.some((r) => r.id === rater.id)).toBe(false);
    expect(left.ratings[rater.id]).toBeUndefined();
    expect(left.ratings[decision.raters[1]!.id]).toEqual(decision.ratings[decision.raters[1]!.id]);
  });

  it('add and rename raters and criteria in the decision they name', () => {
    let plan = run(
      sample,
      raters.add({ parentId: decision.id, item: { id: 'rater-new', name: 'Rater 3' } }),
    ).plan;
    const renamed = run(
      plan,
      raters.update({ parentId: decision.id, id: 'rater-new', patch: { name: 'Ana' } }),
    );
    expect(renamed.label).toBe('Edit name of “Rater 3”');
    plan = run(
      renamed.plan,
      criteria.add({
        parentId: decision.id,
        item: { id: 'crit-new', label: 'New criterion', favours: 'make', weight: 5 },
      }),
    ).plan;
    expect(plan.content.decisions[0]!.criteria.at(-1)?.id).toBe('crit-new');
    expect(plan.content.decisions[0]!.raters.at(-1)).toEqual({ id: 'rater-new', name: 'Ana' });
    expect(refusal(sample, raters.add({ parentId: 'gone', item: { id: 'r', name: 'R' } }))).toMatch(
      /parent is gone/,
    );
  });

  it('rate a criterion, clear the rating, and refuse a rating outside 1–5', () => {
    const rated = run(
      sample,
      rateCriterion({
        decisionId: decision.id,
        raterId: rater.id,
        criterionId: time.id,
        rating: 1,
      }),
    );
    expect(rated).toMatchObject({
      label: `Rate “Time before launch is short” by ${quoted(rater.name, 30)}`,
      location: { section: 'makeOrBuy', focus: decision.id },
    });
    expect(rated.plan.content.decisions[0]!.ratings[rater.id]?.[time.id]).toBe(1);
    const cleared = run(
      rated.plan,
      rateCriterion({
        decisionId: decision.id,
        raterId: rater.id,
        criterionId: time.id,
        rating: null,
      }),
    );
    expect(cleared.label).toMatch(/^Clear rating of “Time before launch is short” by /);
    expect(cleared.plan.content.decisions[0]!.ratings[rater.id]).not.toHaveProperty(time.id);
    for (const rating of [0, 6, 2.5])
      expect(
        refusal(
          sample,
          rateCriterion({
            decisionId: decision.id,
            raterId: rater.id,
            criterionId: time.id,
            rating,
          }),
        ),
      ).toBe('A rating is a whole number from 1 to 5.');
    // A rater the decision does not have: nothing changes.
    expect(
      run(
        sample,
        rateCriterion({
          decisionId: decision.id,
          raterId: 'nobody',
          criterionId: time.id,
          rating: 3,
        }),
      ).plan,
    ).toBe(sample);
  });

  it('record the decision taken and offer Hybrid', () => {
    const hybrid = run(sample, offerHybrid({ decisionId: decision.id, offered: true }));
    expect(hybrid.label).toBe(`Offer Hybrid for ${quoted(decision.need)}`);
    expect(hybrid.plan.content.decisions[0]!.includeHybrid).toBe(true);
    const recorded = run(
      hybrid.plan,
      recordDecision({ decisionId: decision.id, decision: 'hybrid' }),
    );
    expect(recorded.label).toBe(`Record Hybrid for ${quoted(decision.need)}`);
    expect(recorded.plan.content.decisions[0]!.decision).toBe('hybrid');
    const cleared = run(sample, recordDecision({ decisionId: decision.id, decision: null }));
    expect(cleared.label).toBe(`Clear the decision for ${quoted(decision.need)}`);
    expect(cleared.plan.content.decisions[0]!.decision).toBeNull();
  });
});

describe('pathway commands', () => {
  it('add, rename, reorder and delete a pathway', () => {
    const fresh = blankPathway('Junior analyst fast track', 'pw-new');
    const added = run(sample, pathways.add({ item: fresh }));
    expect(added).toMatchObject({
      label: 'Add pathway “Junior analyst fast track”',
      location: { section: 'pathways', focus: 'pw-new' },
    });
    const pace = run(added.plan, pathways.update({ id: 'pw-new', patch: { hoursPerWeek: 4 } }));
    expect(pace.label).toBe('Edit study pace of “Junior analyst fast track”');
    expect(pace.coalesceKey).toBe('pathway.update::pw-new:hoursPerWeek');
    const removed = run(pace.plan, pathways.remove({ ids: ['pw-new'] }));
    expect(removed.label).toBe('Delete pathway “Junior analyst fast track”');
    expect(removed.plan.content.pathways).toEqual(sample.content.pathways);
  });

  it('group a pathway by skill, giving ungrouped steps their item’s first skill', () => {
    const outcome = run(sample, setPathwayMode({ pathwayId: sequence.id, mode: 'group' }));
    expect(outcome.label).toBe(`Group ${quoted(sequence.name)} by skill`);
    const steps = outcome.plan.content.pathways.find((p) => p.id === sequence.id)!.steps;
    const first = sample.content.catalog.find((c) => c.id === sequence.steps[0]!.contentItemId)!;
    expect(steps[0]!.group).toBe(first.skills[0]);
    const back = run(outcome.plan, setPathwayMode({ pathwayId: sequence.id, mode: 'sequence' }));
    expect(back.label).toBe(`Make ${quoted(sequence.name)} a sequence`);
    expect(run(sample, setPathwayMode({ pathwayId: sequence.id, mode: 'sequence' })).plan).toBe(
      sample,
    );
  });

  it('aim a pathway at a segment or stop, ignoring a segment that does not exist', () => {
    const segment = sample.learners.find((s) => !grouped.segmentIds.includes(s.id))!;
    const added = run(
      sample,
      setPathwaySegment({ pathwayId: grouped.id, segmentId: segment.id, included: true }),
    );
    expect(added.label).toBe(`Add segment ${quoted(segment.name)} to ${quoted(grouped.name)}`);
    expect(added.plan.content.pathways[1]!.segmentIds.at(-1)).toBe(segment.id);
    const removed = run(
      added.plan,
      setPathwaySegment({ pathwayId: grouped.id, segmentId: segment.id, included: false }),
    );
    expect(removed.plan.content.pathways[1]!.segmentIds).toEqual(grouped.segmentIds);
    expect(
      run(sample, setPathwaySegment({ pathwayId: grouped.id, segmentId: 'nope', included: true }))
        .plan,
    ).toBe(sample);
  });
});

describe('pathway step commands', () => {
  const sql = sample.content.catalog.find((c) => c.title === 'SQL for Data Analysis')!;

  it('add a catalog item as a step, in its first skill’s group when grouped', () => {
    const outcome = run(
      sample,
      addPathwayStep({ pathwayId: grouped.id, stepId: 'step-new', contentItemId: sql.id }),
    );
    expect(outcome).toMatchObject({
      label: `Add ${quoted(sql.title)} to ${quoted(grouped.name)}`,
      location: { section: 'pathways', focus: grouped.id },
    });
    expect(outcome.plan.content.pathways[1]!.steps.at(-1)).toEqual({
      id: 'step-new',
      contentItemId: sql.id,
      group: sql.skills[0],
    });
    const inSequence = run(
      sample,
      addPathwayStep({ pathwayId: sequence.id, stepId: 'step-new', contentItemId: sql.id }),
    );
    expect(inSequence.plan.content.pathways[0]!.steps.at(-1)?.group).toBe('');
  });

  it('refuse a step for an item no longer in the catalog, or a pathway that is gone', () => {
    expect(
      refusal(sample, addPathwayStep({ pathwayId: sequence.id, stepId: 's', contentItemId: 'x' })),
    ).toBe('That item is no longer in the catalog.');
    expect(
      refusal(sample, addPathwayStep({ pathwayId: 'gone', stepId: 's', contentItemId: sql.id })),
    ).toMatch(/pathway is gone/);
  });

  it('remove a step (the item stays in the catalog) and name a step’s group as one typing step', () => {
    const step = grouped.steps[0]!;
    const title = quoted(sample.content.catalog.find((c) => c.id === step.contentItemId)!.title);
    const removed = run(sample, removePathwaySteps({ pathwayId: grouped.id, stepIds: [step.id] }));
    expect(removed.label).toBe(`Remove ${title} from ${quoted(grouped.name)}`);
    expect(removed.plan.content.pathways[1]!.steps).toHaveLength(grouped.steps.length - 1);
    expect(removed.plan.content.catalog).toBe(sample.content.catalog);
    const group = run(
      sample,
      setStepGroup({ pathwayId: grouped.id, stepId: step.id, group: 'Sheets' }),
    );
    expect(group).toMatchObject({
      label: `Edit group of ${title}`,
      coalesceKey: `pathwayStep.setGroup:${grouped.id}:${step.id}`,
    });
    expect(group.plan.content.pathways[1]!.steps[0]!.group).toBe('Sheets');
  });

  it('move a step one place, staying within its group, as “Reorder pathway steps”', () => {
    const [a, b] = sequence.steps;
    const down = run(sample, movePathwayStep({ pathwayId: sequence.id, stepId: a!.id, by: 1 }));
    expect(down).toMatchObject({
      label: 'Reorder pathway steps',
      location: { section: 'pathways', focus: sequence.id },
    });
    expect(down.plan.content.pathways[0]!.steps.slice(0, 2)).toEqual([b, a]);
    // Already first: nothing changes, so there is no empty undo step.
    expect(
      run(sample, movePathwayStep({ pathwayId: sequence.id, stepId: a!.id, by: -1 })).plan,
    ).toBe(sample);
    // Grouped: the last step of a group moving down has no step of its group below.
    const steps = grouped.steps;
    const lastOfFirstGroup = steps.filter((s) => s.group === steps[0]!.group).at(-1)!;
    expect(
      run(sample, movePathwayStep({ pathwayId: grouped.id, stepId: lastOfFirstGroup.id, by: 1 }))
        .plan,
    ).toBe(sample);
  });

  it('drop a step onto another, joining its group when grouped', () => {
    const first = grouped.steps[0]!;
    const target = grouped.steps.find((s) => s.group !== first.group)!;
    const outcome = run(
      sample,
      dropPathwayStep({ pathwayId: grouped.id, stepId: first.id, overStepId: target.id }),
    );
    expect(outcome.label).toBe('Reorder pathway steps');
    const moved = outcome.plan.content.pathways[1]!.steps.find((s) => s.id === first.id)!;
    expect(moved.group).toBe(target.group);
    expect(outcome.plan.content.pathways[1]!.steps.indexOf(moved)).toBe(
      grouped.steps.indexOf(target),
    );
  });

  it('add required skills without repeats, and remove one', () => {
    const one = run(
      sample,
      addRequiredSkills({ pathwayId: sequence.id, skills: ['python', 'Troubleshooting'] }),
    );
    expect(one.label).toBe(`Add required skill “python” to ${quoted(sequence.name)}`);
    expect(one.plan.content.pathways[0]!.requiredSkills).toEqual([
      ...sequence.requiredSkills,
      'python',
    ]);
    const many = run(sample, addRequiredSkills({ pathwayId: sequence.id, skills: ['A', 'B'] }));
    expect(many.label).toBe(`Add 2 required skills to ${quoted(sequence.name)}`);
    expect(
      run(sample, addRequiredSkills({ pathwayId: sequence.id, skills: ['troubleshooting'] })).plan,
    ).toBe(sample);
    const removed = run(
      sample,
      removeRequiredSkill({ pathwayId: sequence.id, skill: 'Job search' }),
    );
    expect(removed.label).toBe(`Remove required skill “Job search” from ${quoted(sequence.name)}`);
    expect(removed.plan.content.pathways[0]!.requiredSkills).not.toContain('Job search');
  });
});

describe('skills map commands', () => {
  const map = sample.skillsMap;
  const holder = map.holders[0]!;
  const skill = map.skills.find((s) => map.capabilities.some((c) => c.skillIds.includes(s.id)))!;

  it('add and rename roles and skills', () => {
    const role = run(
      sample,
      skillHolders.add({ item: { id: 'role-new', name: 'New role', kind: 'role', roleId: null } }),
    );
    expect(role).toMatchObject({
      label: 'Add role or person “New role”',
      location: { section: 'pathways', focus: 'role-new' },
    });
    const renamed = run(
      role.plan,
      skillHolders.update({ id: 'role-new', patch: { name: 'Tech' } }),
    );
    expect(renamed.label).toBe('Edit name of “New role”');
    const added = run(
      renamed.plan,
      mapSkills.add({ item: { id: 'skill-new', name: 'New skill' } }),
    );
    expect(added.label).toBe('Add skill “New skill”');
    expect(added.plan.skillsMap.holders.at(-1)?.name).toBe('Tech');
    expect(added.plan.skillsMap.skills.at(-1)?.id).toBe('skill-new');
  });

  it('remove a role or person with their proficiencies', () => {
    expect(map.assessments.some((a) => a.holderId === holder.id)).toBe(true);
    const outcome = run(sample, skillHolders.remove({ ids: [holder.id] }));
    expect(outcome.label).toBe(`Delete role or person ${quoted(holder.name)}`);
    expect(outcome.plan.skillsMap.assessments.some((a) => a.holderId === holder.id)).toBe(false);
    expect(outcome.plan.skillsMap.assessments.length).toBe(
      map.assessments.filter((a) => a.holderId !== holder.id).length,
    );
  });

  it('remove a skill with its proficiencies and its place in critical capabilities', () => {
    const outcome = run(sample, mapSkills.remove({ ids: [skill.id] }));
    expect(outcome.label).toBe(`Delete skill ${quoted(skill.name)}`);
    const after = outcome.plan.skillsMap;
    expect(after.assessments.some((a) => a.skillId === skill.id)).toBe(false);
    expect(after.capabilities.some((c) => c.skillIds.includes(skill.id))).toBe(false);
    expect(after.capabilities).toHaveLength(map.capabilities.length);
  });

  it('set a proficiency, creating the cell, and remove a cell left with no level', () => {
    const fresh = map.skills.find(
      (s) => !map.assessments.some((a) => a.holderId === holder.id && a.skillId === s.id),
    )!;
    const set = run(
      sample,
      setProficiency({ holderId: holder.id, skillId: fresh.id, which: 'required', level: 3 }),
    );
    expect(set.label).toBe(
      `Set required level of ${quoted(fresh.name)} for ${quoted(holder.name)}`,
    );
    expect(set.location).toEqual({ section: 'pathways', focus: holder.id });
    expect(set.plan.skillsMap.assessments.at(-1)).toEqual({
      holderId: holder.id,
      skillId: fresh.id,
      required: 3,
      current: null,
      source: 'selfReported',
      refreshedAt: null,
      history: [],
    });
    const cleared = run(
      set.plan,
      setProficiency({ holderId: holder.id, skillId: fresh.id, which: 'required', level: null }),
    );
    expect(cleared.label).toMatch(/^Clear required level of /);
    expect(cleared.plan.skillsMap.assessments).toEqual(map.assessments);
    expect(
      refusal(
        sample,
        setProficiency({ holderId: holder.id, skillId: fresh.id, which: 'current', level: 7 }),
      ),
    ).toBe('A proficiency is a whole number from 0 to 5.');
    expect(
      run(
        sample,
        setProficiency({ holderId: 'gone', skillId: fresh.id, which: 'current', level: 2 }),
      ).plan,
    ).toBe(sample);
  });
});

describe('indicator commands', () => {
  const logicIndicator = sample.indicators.find((i) =>
    sample.logicModel.items.some((x) => x.id === i.subjectIds[0]),
  )!;
  const tocIndicator = sample.indicators.find((i) =>
    sample.theoryOfChange.nodes.some((n) => n.id === i.subjectIds[0]),
  )!;

  it('are seen where their subject is: theory of change, logic model, or Plan health', () => {
    expect(indicatorLocation(sample, tocIndicator.subjectIds[0]!)).toEqual({
      section: 'theoryOfChange',
      focus: tocIndicator.subjectIds[0]!,
    });
    expect(indicatorLocation(sample, logicIndicator.subjectIds[0]!)).toEqual({
      section: 'logicModel',
      focus: logicIndicator.subjectIds[0]!,
    });
    expect(indicatorLocation(sample, 'gone')).toEqual({ section: 'health' });
  });

  it('add a blank indicator to a subject', () => {
    const outcome = run(
      sample,
      addIndicator({ indicator: blankIndicator('ind-new', tocIndicator.subjectIds[0]!) }),
    );
    expect(outcome).toMatchObject({
      label: 'Add indicator',
      location: { section: 'theoryOfChange', focus: tocIndicator.subjectIds[0]! },
    });
    expect(outcome.plan.indicators.at(-1)?.id).toBe('ind-new');
    expect(
      run(outcome.plan, addIndicator({ indicator: blankIndicator('ind-new', 'x') })).plan,
    ).toBe(outcome.plan);
  });

  it('edit fields, coalescing typing per indicator and field', () => {
    const plan = run(sample, addIndicator({ indicator: blankIndicator('ind-new', 'x') })).plan;
    const untitled = run(plan, updateIndicator({ id: 'ind-new', patch: { name: 'Placed' } }));
    expect(untitled).toMatchObject({
      label: 'Edit indicator name',
      coalesceKey: 'indicator.update:ind-new:name',
    });
    const owner = run(sample, updateIndicator({ id: logicIndicator.id, patch: { owner: 'M&E' } }));
    expect(owner).toMatchObject({
      label: `Edit owner of ${quoted(logicIndicator.name)}`,
      location: { section: 'logicModel', focus: logicIndicator.subjectIds[0]! },
    });
    expect(owner.plan.indicators[0]!.owner).toBe('M&E');
    const frequency = run(
      sample,
      updateIndicator({ id: logicIndicator.id, patch: { frequency: 'annually' } }),
    );
    expect(frequency.plan.indicators[0]!.frequency).toBe('annually');
  });

  it('set a baseline or target value or date', () => {
    const date = run(
      sample,
      setIndicatorValue({
        id: logicIndicator.id,
        which: 'baseline',
        patch: { date: '2026-01-31' },
      }),
    );
    expect(date).toMatchObject({
      label: `Edit baseline date of ${quoted(logicIndicator.name)}`,
      coalesceKey: `indicator.setValue:${logicIndicator.id}:baseline:date`,
    });
    expect(date.plan.indicators[0]!.baseline).toEqual({
      value: logicIndicator.baseline.value,
      date: '2026-01-31',
    });
    const target = run(
      sample,
      setIndicatorValue({ id: logicIndicator.id, which: 'target', patch: { value: 1200 } }),
    );
    expect(target.label).toBe(`Edit target of ${quoted(logicIndicator.name)}`);
    expect(target.plan.indicators[0]!.target.value).toBe(1200);
  });

  it('report by a segment or stop, ignoring a segment that does not exist', () => {
    const indicator = sample.indicators.find((i) => i.disaggregation.length === 0)!;
    const segment = sample.learners[0]!;
    const added = run(
      sample,
      setIndicatorSegment({ id: indicator.id, segmentId: segment.id, included: true }),
    );
    expect(added.label).toBe(`Report ${quoted(indicator.name)} by ${quoted(segment.name)}`);
    const after = () => added.plan.indicators.find((i) => i.id === indicator.id)!;
    expect(after().disaggregation).toEqual([segment.id]);
    const stopped = run(
      added.plan,
      setIndicatorSegment({ id: indicator.id, segmentId: segment.id, included: false }),
    );
    expect(stopped.label).toBe(
      `Stop reporting ${quoted(indicator.name)} by ${quoted(segment.name)}`,
    );
    expect(stopped.plan.indicators.find((i) => i.id === indicator.id)!.disaggregation).toEqual([]);
    expect(
      run(sample, setIndicatorSegment({ id: indicator.id, segmentId: 'nope', included: true }))
        .plan,
    ).toBe(sample);
  });

  it('remove indicators, seen where they were', () => {
    const outcome = run(sample, removeIndicators({ ids: [tocIndicator.id] }));
    expect(outcome).toMatchObject({
      label: `Remove indicator ${quoted(tocIndicator.name)}`,
      location: { section: 'theoryOfChange', focus: tocIndicator.subjectIds[0]! },
    });
    expect(outcome.plan.indicators.some((i) => i.id === tocIndicator.id)).toBe(false);
    expect(outcome.plan.indicators).toHaveLength(sample.indicators.length - 1);
    expect(run(sample, removeIndicators({ ids: [tocIndicator.id, logicIndicator.id] })).label).toBe(
      'Remove 2 indicators',
    );
    expect(run(sample, removeIndicators({ ids: ['gone'] })).plan).toBe(sample);
  });
});
