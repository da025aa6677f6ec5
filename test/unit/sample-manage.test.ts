/**
 * The sample plan's Manage phase (issue 14) hangs together with the rest of
 * the sample: partners from its register, its segments, its indicators, its
 * theory-of-change assumptions, its catalog — and, as of the sample's day,
 * nothing in it lies in the future that should already have happened.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanHealth } from '../../shared/health/check';
import { fillTemplate, mergeProblems, mergeValues } from '../../shared/launch/merge-fields';
import { shadowedRuleFindings } from '../../shared/manage/engagement-health';
import { english } from './health-english';
import { fixedTimeWording } from '../../shared/manage/follow-up-export';
import { readPlanFile } from '../../shared/plan/plan-file';
import { SAMPLE_AS_OF } from '../../shared/plan/sample';
import type { Plan } from '../../shared/plan/schema';

function samplePlan(): Plan {
  const text = readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      'resources',
      'sample-plans',
      'youth-digital-skills.upskill.json',
    ),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

const plan = samplePlan();
const manage = plan.manage;
const segments = new Set(plan.learners.map((s) => s.id));
const partners = new Set(
  plan.stakeholders.entries.filter((e) => e.partnerType !== null).map((e) => e.id),
);
const indicators = new Set(plan.indicators.map((i) => i.id));
const kpis = new Set(manage.kpis.map((k) => k.id));
const cohorts = new Set(manage.cohorts.map((c) => c.id));

describe('the sample plan’s Manage phase', () => {
  it('has engagement activities of every kind, delivered by partners from its register for its segments', () => {
    const kinds = new Set(manage.engagement.map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['community', 'monitoring', 'workshop', 'wraparound']);
    const withPartner = manage.engagement.filter((a) => a.partnerId !== null);
    expect(withPartner.length).toBeGreaterThanOrEqual(5);
    for (const a of withPartner) expect(partners, a.id).toContain(a.partnerId);
    const aimed = manage.engagement.filter((a) => a.segmentIds.length > 0);
    expect(aimed.length).toBeGreaterThanOrEqual(3);
    for (const a of aimed) for (const id of a.segmentIds) expect(segments, a.id).toContain(id);
    for (const a of manage.engagement) {
      expect(a.owner, a.id).not.toBe('');
      expect(a.cadence, a.id).not.toBe('');
    }
  });

  it('has follow-up rules of each trigger whose messages use only merge fields the plan fills', () => {
    const triggers = new Set(manage.followUps.map((r) => r.trigger));
    expect([...triggers].sort()).toEqual(['behindPace', 'inactive', 'notStarted']);
    expect(new Set(manage.followUps.map((r) => r.channel))).toEqual(new Set(['email', 'sms']));
    // In escalation order: no rule is hidden by an earlier one (a learner is listed under the first).
    expect(shadowedRuleFindings(plan).map((f) => english(f.message))).toEqual([]);
    for (const rule of manage.followUps) {
      for (const id of rule.segmentIds) expect(segments, rule.id).toContain(id);
      // {daysInactive} is a follow-up field the CSV fills per learner: checked as its number.
      const message = rule.message.replaceAll('{daysInactive}', '224');
      const values = mergeValues(plan, {
        segmentIds: rule.segmentIds,
        send: { anchor: 'launch', offsetDays: 0 },
      });
      expect(mergeProblems(fillTemplate(message, values)), rule.id).toEqual([]);
      // A stated time away is each learner's own ({daysInactive}), never a fixed "two weeks".
      expect(fixedTimeWording(rule), rule.id).toBeNull();
      expect(rule.message, rule.id).toContain('{firstName}');
      // A text message stays within two SMS parts once filled.
      if (rule.channel === 'sms') {
        const filled = fillTemplate(message, values)
          .map((p) => (p.kind === 'value' || p.kind === 'text' ? p.text : 'Alexandra'))
          .join('');
        expect(filled.length, rule.id).toBeLessThanOrEqual(306);
      }
    }
  });

  it('has KPIs on its indicators, some typed in and some counted from the roster, with targets', () => {
    const manual = manage.kpis.filter((k) => k.source === 'manual');
    const roster = manage.kpis.filter((k) => k.source !== 'manual');
    expect(manual.length).toBeGreaterThanOrEqual(4);
    expect(roster.length).toBeGreaterThanOrEqual(3);
    expect(roster.some((k) => k.segmentId !== null)).toBe(true);
    for (const k of manage.kpis) {
      if (k.indicatorId !== null) expect(indicators, k.id).toContain(k.indicatorId);
      else {
        expect(k.target, k.id).not.toBeNull();
        expect(k.baseline, k.id).not.toBeNull();
      }
      if (k.segmentId !== null) expect(segments, k.id).toContain(k.segmentId);
      for (const a of k.actuals) {
        expect(a.date <= SAMPLE_AS_OF, `${k.id} ${a.date}`).toBe(true);
        if (a.cohortId !== null) expect(cohorts, k.id).toContain(a.cohortId);
        expect(a.origin, k.id).toBe(k.source === 'manual' ? 'typed' : 'roster');
      }
    }
    expect(manual.filter((k) => k.actuals.length > 0).length).toBeGreaterThanOrEqual(4);
  });

  it('has two cohorts: the pilot, over by the sample’s day, and Cohort 1 from the launch', () => {
    expect(manage.cohorts).toHaveLength(2);
    const [pilot, first] = manage.cohorts;
    expect(pilot!.end! < SAMPLE_AS_OF).toBe(true);
    const launch = plan.objective.timeline.launch.start!;
    expect(first!.start! >= launch).toBe(true);
    expect(first!.end! <= plan.objective.timeline.manage.end!).toBe(true);
  });

  it('has a review that checks every theory-of-change assumption against KPIs, with actions', () => {
    const assumptions = plan.theoryOfChange.nodes
      .filter((n) => n.kind === 'assumption')
      .map((n) => n.id);
    expect(manage.reviews.length).toBeGreaterThanOrEqual(1);
    const review = manage.reviews[0]!;
    expect(review.date <= SAMPLE_AS_OF).toBe(true);
    expect(review.decisions).not.toBe('');
    expect(review.assumptions.map((a) => a.nodeId).sort()).toEqual([...assumptions].sort());
    expect(new Set(review.assumptions.map((a) => a.status)).size).toBeGreaterThanOrEqual(2);
    for (const check of review.assumptions) {
      expect(check.kpiIds.length, check.nodeId).toBeGreaterThan(0);
      for (const id of check.kpiIds) expect(kpis, check.nodeId).toContain(id);
    }
    expect(review.actions.some((a) => a.done)).toBe(true);
    expect(review.actions.some((a) => !a.done)).toBe(true);
  });

  it('is version 1 of its plan, named', () => {
    expect(manage.iteration.versionNumber).toBe(1);
    expect(manage.iteration.versionName).not.toBe('');
    expect(manage.iteration.previousVersions).toEqual([]);
  });

  it('audits its made content with owners, and no review is overdue on the sample’s day', () => {
    const catalog = new Map(plan.content.catalog.map((c) => [c.id, c]));
    const decisions = new Set(plan.content.decisions.map((d) => d.id));
    expect(plan.content.audit.length).toBeGreaterThanOrEqual(5);
    for (const entry of plan.content.audit) {
      expect(catalog.has(entry.itemId), entry.itemId).toBe(true);
      expect(entry.owner, entry.itemId).not.toBe('');
      expect(entry.reviewDate! > SAMPLE_AS_OF, entry.itemId).toBe(true);
      if (entry.lastReviewed !== null) expect(entry.lastReviewed <= SAMPLE_AS_OF).toBe(true);
      if (entry.decisionId !== null) expect(decisions, entry.itemId).toContain(entry.decisionId);
    }
  });

  it('shows in Plan health only advice, no warnings or errors (printed here to read)', () => {
    const findings = checkPlanHealth(plan);
    // Printed so a reader of the test run sees what a new user sees in Plan health.
    console.log(findings.map((f) => `${f.severity}: ${english(f.message)}`).join('\n'));
    expect(findings.filter((f) => f.severity !== 'info').map((f) => english(f.message))).toEqual(
      [],
    );
  });
});
