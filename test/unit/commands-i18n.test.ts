/**
 * Command step names and refusals in the language of the translator passed
 * (the UI's); English by default, word for word as before.
 */
import { samplePlan } from './export-helpers';
import { describe, expect, it } from 'vitest';
import '../../shared/commands/budget';
import {
  commandDefinition,
  registeredCommandTypes,
  runCommand,
} from '../../shared/commands/command';
import '../../shared/commands/communications';
import '../../shared/commands/content';
import '../../shared/commands/content-audit';
import '../../shared/commands/engagement';
import '../../shared/commands/indicators';
import '../../shared/commands/invitations';
import { addKpiActual } from '../../shared/commands/kpis';
import { renamePlan } from '../../shared/commands/objective';
import { undoStep } from '../../shared/commands/undo-step';
import { commit, createHistory } from '../../shared/history';
import '../../shared/commands/launch-checklist';
import '../../shared/commands/learners';
import { addLogicModelLink } from '../../shared/commands/logic-model';
import '../../shared/commands/make-or-buy';
import '../../shared/commands/marketing';
import '../../shared/commands/pathways';
import '../../shared/commands/plan-io';
import '../../shared/commands/restore-backup';
import '../../shared/commands/reviews';
import '../../shared/commands/roster';
import '../../shared/commands/skills-first';
import '../../shared/commands/toc';
import { blankStakeholder, stakeholders } from '../../shared/commands/stakeholders';
import { engagementActions } from '../../shared/commands/stakeholders';
import arCommands from '../../shared/i18n/locales/ar/commands.json';
import esCommands from '../../shared/i18n/locales/es/commands.json';
import frCommands from '../../shared/i18n/locales/fr/commands.json';
import ukCommands from '../../shared/i18n/locales/uk/commands.json';
import { createTranslator, englishCatalog } from '../../shared/i18n/translator';
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
    expect(added.ok && added.label).toBe('Añadir actor «Chamber of Commerce»');
    const refused = runCommand(plan, orphanAction, t);
    expect(!refused.ok && refused.reason).toBe(
      'No se pudo añadir el elemento (acción de relación): su elemento superior ya no existe.',
    );
  });

  it('are Arabic with an Arabic translator, plurals included', async () => {
    const { t } = await createTranslator('ar');
    const added = runCommand(plan, add, t);
    expect(added.ok && added.label).toBe('إضافة صاحب مصلحة «Chamber of Commerce»');
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

// ------------------------------------------------------------ every command

// The sample plan has something in every list, so step names carry titles.
const p = samplePlan();
const idOf = (list: readonly { id: string }[] | undefined) => list?.[0]?.id ?? 'gone';
const sh = idOf(p.stakeholders.entries);
const seg = idOf(p.learners);
const ind = idOf(p.indicators);
const item = idOf(p.content.catalog);
const pw = idOf(p.content.pathways);
const kpi = p.manage.kpis[0];
const node = idOf(p.theoryOfChange.nodes);
const logicItem = idOf(p.logicModel.items);
const decision = p.content.decisions[0];
const holder = idOf(p.skillsMap.holders);
const skill = idOf(p.skillsMap.skills);

/**
 * Arguments of each command that is not one of a list's four, for its step
 * name only (label reads a few of them). A new command needs a line here.
 */
const SAMPLES: Record<string, unknown[]> = {
  'budget.setCurrency': [{ currency: 'EUR' }, { currency: null }],
  'budget.setTotal': [{}],
  'budget.setLine': [{ line: 'devicesAndData' }, { line: 'outreach' }],
  'budget.setLicences': [{}],
  'launchDetails.update': [{ patch: { registrationLink: 'x' } }, { patch: { a: 1, b: 2 } }],
  'contentAudit.set': [
    { itemId: item, patch: { owner: 'x' } },
    { itemId: 'gone', patch: {} },
  ],
  'contentAudit.recordReview': [{ itemId: item }],
  'contentAudit.retireFromPathways': [{ itemIds: [item] }, { itemIds: ['a', 'b'], reason: 'x' }],
  'catalogItem.add': [{ item: { title: 'X' } }, { item: { title: '' } }],
  'catalogItem.update': [
    { id: item, patch: { url: 'x' } },
    { id: 'gone', patch: { a: 1, b: 2 } },
  ],
  'catalogItem.remove': [{ ids: [item] }, { ids: ['a', 'b'] }],
  'catalog.import': [
    { items: [{}, {}] },
    { items: [], updates: [{}] },
    { items: [{}], updates: [{}, {}] },
  ],
  'manage.setLicenceReleaseAfterDays': [{}],
  'manage.recordFollowUpCounts': [{ counts: { date: '2027-04-01' } }],
  'indicator.add': [{ indicator: { name: 'X' } }, { indicator: { name: '' } }],
  'indicator.update': [
    { id: ind, patch: { dataSource: 'x' } },
    { id: 'gone', patch: {} },
  ],
  'indicator.setValue': [{ id: ind, which: 'baseline', patch: { date: 'x' } }],
  'indicator.setSegment': [
    { id: ind, segmentId: seg, included: true },
    { id: 'gone', segmentId: 'gone', included: false },
  ],
  'indicator.setSubject': [
    { id: ind, subjectId: node, measured: true },
    { id: 'gone', subjectId: 'gone', measured: false },
  ],
  'indicator.setSuccessMeasure': [
    { id: ind, kind: 'primary' },
    { id: ind, kind: null },
  ],
  'indicator.remove': [{ ids: [ind] }, { ids: ['a', 'b'] }],
  'invitations.setRatio': [{}],
  'invitations.setRate': [{ rate: 'registered' }, { rate: 'completing' }],
  'invitations.setCsvLayout': [{}],
  'kpi.create': [{ kpi: { name: 'X' } }, { kpi: { name: '' } }],
  'kpi.setSource': [{ id: kpi?.id ?? 'gone' }, { id: 'gone' }],
  'kpiActual.add': [
    { kpiId: kpi?.id ?? 'gone', actual: { value: 3, date: '2027-04-01' } },
    { kpiId: 'gone', actual: { value: 3, date: '2027-04-01' } },
  ],
  'kpiActual.update': [
    { kpiId: kpi?.id ?? 'gone', patch: { cohortId: 'x' } },
    { kpiId: 'gone', patch: { a: 1, b: 2 } },
  ],
  'kpiActual.remove': [
    { kpiId: kpi?.id ?? 'gone', id: kpi?.actuals[0]?.id ?? 'gone' },
    { kpiId: 'gone', id: 'gone' },
  ],
  'kpi.syncRoster': [{}],
  'segment.setBarrier': [{ present: true }, { present: false }],
  'segment.setPersona': [{ persona: null }, { persona: { goals: 'x' } }, { persona: {} }],
  'logicItem.add': [
    { lane: 'activity', title: 'X' },
    { lane: 'longTermOutcome', title: '' },
  ],
  'logicItem.rename': [{ id: logicItem }, { id: 'gone' }],
  'logicItem.editText': [
    { id: logicItem, field: 'meansOfVerification' },
    { id: 'gone', field: 'title' },
  ],
  'logicItem.trace': [{ tocOutcomeId: 'x' }, { tocOutcomeId: null }],
  'logicItem.reorder': [{ delta: -1 }, { delta: 1 }],
  'logicItem.moveToLane': [{ lane: 'output' }],
  'logicItem.remove': [{ id: logicItem }],
  'logicLink.add': [{ source: logicItem, target: 'gone' }],
  'logicLink.remove': [{ id: idOf(p.logicModel.links) }, { id: 'gone' }],
  'makeOrBuyDecision.record': [
    { decisionId: decision?.id ?? 'gone', decision: 'buy' },
    { decisionId: 'gone', decision: null },
  ],
  'makeOrBuyDecision.offerHybrid': [
    { decisionId: 'gone', offered: true },
    { decisionId: 'gone', offered: false },
  ],
  'makeOrBuy.rate': [
    {
      decisionId: decision?.id ?? 'gone',
      raterId: idOf(decision?.raters),
      criterionId: idOf(decision?.criteria),
      rating: 3,
    },
    { decisionId: 'gone', raterId: 'gone', criterionId: 'gone', rating: null },
  ],
  'marketing.setToolkitNotes': [{}],
  'journeyStep.add': [{ text: 'X' }, { text: '' }],
  'journeyStep.update': [{ index: 0 }],
  'journeyStep.remove': [{ index: 0 }, { index: 99 }],
  'journeyStep.move': [{}],
  'marketing.setJourneyTarget': [{ target: 5 }],
  'funnel.setCell': [
    { stage: 'awareness', segmentId: null, field: 'touchpoints' },
    { stage: 'loyalty', segmentId: seg, field: 'content' },
  ],
  'funnel.removeSegment': [{ segmentId: seg }, { segmentId: 'gone' }],
  'plan.rename': [{}],
  'plan.setDocumentLanguage': [{ language: 'fr' }],
  'objective.update': [{ patch: { changeSought: 'x' } }, { patch: { a: 1, b: 2 } }],
  'objective.updateBaseline': [{ patch: { source: 'x' } }, { patch: { a: 1, b: 2 } }],
  'objective.setPhaseDate': [
    { phase: 'launch', end: 'start' },
    { phase: 'manage', end: 'end' },
  ],
  'pathway.setMode': [
    { pathwayId: pw, mode: 'group' },
    { pathwayId: 'gone', mode: 'sequence' },
  ],
  'pathway.setSegment': [
    { pathwayId: pw, segmentId: seg, included: true },
    { pathwayId: 'gone', segmentId: 'gone', included: false },
  ],
  'pathwayStep.add': [{ pathwayId: pw, contentItemId: item }],
  'pathwayStep.remove': [
    { pathwayId: pw, stepIds: ['gone'] },
    { pathwayId: pw, stepIds: ['a', 'b'] },
  ],
  'pathwayStep.setGroup': [{ pathwayId: pw, stepId: 'gone' }],
  'pathwayStep.move': [{}],
  'pathwayStep.drop': [{}],
  'pathway.addRequiredSkills': [
    { pathwayId: pw, skills: ['Zzz new skill'] },
    { pathwayId: 'gone', skills: ['a', 'b'] },
  ],
  'pathway.removeRequiredSkill': [{ pathwayId: pw, skill: 'X' }],
  'skillsMap.setProficiency': [
    { holderId: holder, skillId: skill, which: 'required', level: 3 },
    { holderId: 'gone', skillId: 'gone', which: 'current', level: null },
  ],
  'skillsMap.setHolderAssessment': [
    { holderId: holder, patch: { source: 'assessed' } },
    { holderId: 'gone', patch: { refreshedAt: null } },
  ],
  'skillsMap.setCapabilitySkill': [
    { capabilityId: idOf(p.skillsMap.capabilities), skillId: skill, needed: true },
    { capabilityId: 'gone', skillId: 'gone', needed: false },
  ],
  'plan.importWorkbook': [{}],
  'health.repair': [
    { repair: { labelKey: 'removeLink' } },
    { repair: { labelKey: 'forgetMissingSubjects' } },
  ],
  'plan.restoreBackup': [{ when: '1 April 2027' }],
  'review.setAssumption': [
    { nodeId: node, patch: { kpiIds: [] } },
    { nodeId: 'gone', patch: { a: 1, b: 2 } },
  ],
  'iteration.setVersionName': [{}],
  'iteration.startNextCohort': [{ nextCohort: { name: 'X' } }, { nextCohort: null }],
  'roster.recordSnapshot': [{ snapshot: { date: '2027-04-01' } }],
  'roster.removeSnapshot': [{ date: '2027-04-01' }],
  'skillsMap.recordAssessment': [
    { holderId: holder, skillId: skill, date: '2027-04-01' },
    { holderId: 'gone', skillId: 'gone', date: '2027-04-01' },
  ],
  'skillsMap.setPersonRole': [
    { holderId: holder, roleId: null },
    { holderId: 'gone', roleId: 'gone' },
  ],
  'stakeholder.moveOnMatrix': [
    { id: sh, to: { power: 95, interest: 5 } },
    { id: 'gone', to: { power: 1, interest: 1 } },
  ],
  'stakeholder.setType': [{ id: sh, category: 'outreach' }],
  'stakeholder.linkIntervention': [
    { id: sh, interventionId: node, linked: true },
    { id: 'gone', interventionId: 'gone', linked: false },
  ],
  'engagementAction.setDone': [
    { stakeholderId: 'gone', actionId: 'gone', done: false },
    { stakeholderId: 'gone', actionId: 'gone', done: true },
  ],
  'industryCheckpoint.markHeld': [{ id: idOf(p.stakeholders.checkpoints) }, { id: 'gone' }],
  'stakeholders.answerQuestion': [{ question: 'keyBuyIn' }, { question: 'labourMarketPriorities' }],
  'workshopSnapshot.take': [{ name: 'X' }, { name: '' }],
  'stakeholders.import': [
    { entries: [{}, {}] },
    { entries: [], updates: [{}] },
    { entries: [{}], updates: [{}, {}] },
  ],
  'toc.addElement': [
    { node: { kind: 'outcome', horizon: 'short' } },
    { node: { kind: 'externalFactor', horizon: null } },
  ],
  'toc.updateElement': [
    { id: node, patch: { kind: 'impact' } },
    { id: node, patch: { title: 'x' } },
    { id: 'gone', patch: { a: 1, b: 2 } },
  ],
  'toc.moveElements': [{}],
  'toc.layOut': [{ selection: true }, { selection: false }],
  'toc.connect': [{}],
  'toc.delete': [
    { nodeIds: [], linkIds: ['a'] },
    { nodeIds: [node], linkIds: [] },
    { nodeIds: ['a', 'b'], linkIds: [] },
  ],
  'toc.paste': [{}],
  'toc.setNarrative': [{}],
  'toc.updateLink': [{ patch: { rationale: 'x' } }, { patch: { evidence: 'x' } }],
  'toc.addAssumption': [{ text: 'X' }],
  'toc.editAssumption': [{}],
  'toc.removeAssumption': [{}],
};

/** A list element whose title, whatever field titles it, is “X”. */
const EVERY_TITLE = Object.fromEntries(
  ['name', 'title', 'label', 'description', 'need', 'text', 'what', 'initiative', 'story'].map(
    (field) => [field, 'X'],
  ),
);

/** Sample arguments of a list's add/update/remove/move (`kind.verb`), from the plan's own elements. */
function listSamples(verb: string): unknown[] {
  switch (verb) {
    case 'add':
      return [
        { item: { ...EVERY_TITLE, id: 'new' } },
        { item: { id: 'new', kind: 'paidAds', description: '', date: '2027-04-01' } },
      ];
    case 'update':
      return [{ id: 'gone', patch: { a: 1, b: 2 } }];
    case 'remove':
      return [{ ids: ['gone'] }, { ids: ['a', 'b', 'c'] }];
    default:
      return [{ id: 'gone', to: 0 }];
  }
}

const LIST_KINDS = new Set(Object.keys(englishCatalog.commands.nouns));

function samplesOf(type: string): unknown[] | undefined {
  const [kind = '', verb = ''] = type.split('.');
  if (LIST_KINDS.has(kind) && ['add', 'update', 'remove', 'move'].includes(verb))
    return listSamples(verb);
  return SAMPLES[type];
}

describe('every command names its step in each language', () => {
  const types = registeredCommandTypes();

  it('has sample arguments for every registered command', () => {
    expect(types.length).toBeGreaterThan(150);
    expect(types.filter((type) => !samplesOf(type))).toEqual([]);
  });

  it.each(['es', 'fr', 'ar', 'uk'] as const)(
    '%s: no step name is English, a raw key or an unfilled argument',
    async (language) => {
      const { t } = await createTranslator(language);
      const problems: string[] = [];
      for (const type of types) {
        const definition = commandDefinition(type);
        for (const args of samplesOf(type) ?? []) {
          const english = definition.label(args as never, p);
          const worded = definition.label(args as never, p, t);
          if (worded === english || /commands:|[{}]/.test(worded))
            problems.push(`${type} ${JSON.stringify(args)}: ${worded}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('words a refusal of another catalog (a logic model arrow) in the UI language', async () => {
    const { t } = await createTranslator('fr');
    const refused = runCommand(
      p,
      addLogicModelLink({ id: 'l', source: logicItem, target: logicItem }),
      t,
    );
    expect(!refused.ok && refused.reason).toBe(t('logicModel:linkProblems.self'));
    expect(!refused.ok && refused.reason).not.toBe('An item cannot lead to itself.');
  });
});

describe('dates and numbers in step names', () => {
  const args = { kpiId: 'gone', actual: { value: 12345.5, date: '2027-07-02' } } as never;

  it('stay as stored in English', () => {
    expect(addKpiActual.definition.label(args, p)).toBe('Record actual 12345.5 on 2027-07-02');
  });

  it('are written out in the UI language', async () => {
    const { t } = await createTranslator('es');
    expect(addKpiActual.definition.label(args, p, t)).toBe(
      'Registrar valor real 12.345,5 el 2 de julio de 2027',
    );
  });
});

describe('refusals', () => {
  /** Refusals that only pass on a sentence of another catalog (already in the UI language). */
  const PASSED_ON = new Set(['logicLinkProblem', 'tocLinkProblem']);
  const catalogs = { es: esCommands, fr: frCommands, ar: arCommands, uk: ukCommands };

  it.each(Object.keys(catalogs) as (keyof typeof catalogs)[])(
    '%s: every refusal is written in the language',
    (language) => {
      const refusals: Record<string, string> = catalogs[language].refusals;
      const english: Record<string, string> = englishCatalog.commands.refusals;
      const untranslated = Object.keys(english).filter(
        (name) => !PASSED_ON.has(name) && refusals[name] === english[name],
      );
      expect(untranslated).toEqual([]);
    },
  );
});

describe('undoing an earlier step on its own', () => {
  it('names the new step in the UI language', async () => {
    const { t } = await createTranslator('es');
    let history = createHistory(plan);
    for (const command of [add, renamePlan({ name: 'Other' })]) {
      const outcome = runCommand(history.present, command, t);
      if (!outcome.ok) throw new Error(outcome.reason);
      history = commit(
        history,
        outcome.plan,
        { name: outcome.label, location: outcome.location },
        0,
      );
    }
    const first = history.past[0]!.id;
    const result = undoStep(history, first, 10_000, t);
    expect(result.kind).toBe('reverted');
    if (result.kind === 'reverted')
      expect(result.history.past.at(-1)?.action).toBe(
        'Deshacer: añadir actor «Chamber of Commerce»',
      );
  });
});
