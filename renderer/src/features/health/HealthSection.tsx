/**
 * Plan health: every rule-based finding about the plan — theory of change,
 * logic model, indicators, budget, stakeholders, learners, make-or-buy and
 * pathways — grouped by severity and area. Each finding is a
 * button that opens the element it is about; broken references can be
 * removed in place.
 */
import { repairFinding } from '../../../../shared/commands/plan-io';
import { countBySeverity } from '../../../../shared/health/check';
import {
  SEVERITIES,
  type Finding,
  type HealthSection as HealthArea,
  type Severity,
} from '../../../../shared/health/types';
import { byCount, formatCount } from '../../../../shared/words';
import { PLAN_SECTIONS, type SectionId } from '../../app/routes';
import { goToSection } from '../../app/workbench';
import { useDispatch } from '../../store/plan-context';
import { SEVERITY_NAMES, SeverityIcon } from './SeverityIcon';
import { usePlanHealth } from './use-health';
import './health.css';

/**
 * The areas findings are grouped in, in plan order. Every section a finding
 * can point at has one (the record type makes a missing area a type error:
 * a finding in an unlisted area was counted in the badge but never shown).
 */
const AREA_LABELS: Record<HealthArea, string> = {
  objective: 'Objective and budget',
  theoryOfChange: 'Theory of change',
  logicModel: 'Logic model',
  stakeholders: 'Stakeholders and partners',
  learners: 'Learners',
  makeOrBuy: 'Make or buy',
  pathways: 'Pathways and skills',
  marketing: 'Marketing plan',
  invitations: 'Invitations',
  onboarding: 'Onboarding checklist',
  communications: 'Communications',
  roster: 'Learner progress',
  engagement: 'Engagement & follow-ups',
  kpis: 'KPIs',
  contentInUse: 'Content in use',
  skillsFirst: 'Skills-first KPIs',
  reviews: 'Reviews & cohorts',
};

const AREAS = (Object.keys(AREA_LABELS) as HealthArea[]).map((id) => ({
  id,
  label: AREA_LABELS[id],
}));

/** What each rule checks, for the "About these checks" list. */
const RULE_HELP = [
  [
    'Communication without a send date',
    'Every launch communication that is not sent yet needs a send date.',
  ],
  [
    'Registration or launch e-mail too late',
    'A registration e-mail should go out before the launch start, and the launch e-mail before the launch phase ends.',
  ],
  [
    'Fields the plan cannot fill',
    'A communication’s subject or text uses a merge field the plan has no value for, or a name in braces that is not a field.',
  ],
  ['Outcome without indicator', 'Every outcome and output needs at least one indicator.'],
  [
    'Incomplete indicator',
    'An indicator needs a baseline, a target, a data source and an owner to be measurable.',
  ],
  [
    'Unlinked element',
    'Elements of the theory of change should be linked into the pathway. Assumptions and external factors are notes and may stand alone.',
  ],
  [
    'Leads nowhere',
    'Each intervention should lead to an outcome; each activity to an output or outcome.',
  ],
  ['Link without rationale', 'Each causal link should say why (“because …”).'],
  ['Circular logic model', 'Arrows should run from inputs towards impact, never in a circle.'],
  ['No impact', 'The theory of change needs a long-term goal at the top.'],
  [
    'Outcome not traced',
    'Each logic-model outcome should name the theory-of-change outcome it puts into practice.',
  ],
  [
    'Broken reference',
    'Links, indicators, pathway steps, stakeholders and KPIs must point at elements that still exist.',
  ],
  ['Uncovered skill', 'Each required skill of a pathway should be taught by one of its steps.'],
  ['Open make-or-buy question', 'Each make-or-buy question needs a decision and its rationale.'],
  ['Segment without a pathway', 'Each learner segment should have a pathway to follow.'],
  [
    'More participants than people',
    'A segment’s expected participants cannot outnumber its population.',
  ],
  ['Checkpoint without a date', 'Checkpoints need a date to come up when they are due.'],
  [
    'Over budget',
    'What the plan costs (incentives and content on expected participants, outreach) should fit each budget line and the total; participants should fit the licences bought.',
  ],
  [
    'Target that cannot be measured yet',
    'An outcome’s target date should come after learners starting at launch can finish the pathways.',
  ],
  [
    'Timeline out of order',
    'Each phase should end after it starts, and Plan, Launch and Manage should start in that order.',
  ],
  [
    'Key stakeholder without an action',
    'Each “Manage closely” stakeholder should have an open engagement action.',
  ],
  [
    'Channel without a segment',
    'Each marketing channel should reach at least one learner segment.',
  ],
  ['Segment no channel reaches', 'Each learner segment should be reached by a marketing channel.'],
  [
    'Story without consent',
    'A learner story needs the learner’s written consent recorded; without it the story is never exported.',
  ],
  [
    'Invitations short of the ratio',
    'Dated waves should send at least 1.5 invitations per licence: fewer leave licences unused.',
  ],
  ['Wave without a share', 'Each invitation wave should send a share of the invitations.'],
  ['Wave without a date', 'Each invitation wave needs a date.'],
  [
    'Onboarding step past due',
    'Each onboarding checklist item should be done by its due date, or given a new one.',
  ],
  [
    'Too many steps to start',
    'The steps from invitation to first lesson should not exceed the target (fewest clicks to start).',
  ],
  [
    'Content review overdue',
    'A catalog item in the content audit should be reviewed by its review date, or given a new one.',
  ],
  [
    'Made content over its maintenance capacity',
    'The maintenance hours a year of a Make or Hybrid decision’s items should fit the hours its “capacity to maintain” rating stands for.',
  ],
  [
    'Role with no qualified holder',
    'A role that requires a skill of a critical capability should have someone in it at that level, or a decision for the gap.',
  ],
  [
    'Review overdue',
    'While the program runs (the Manage phase), hold a review at least every 3 months and judge each assumption against the KPIs.',
  ],
  [
    'Broken assumption without a decision',
    'An assumption marked broken at its latest review needs a decision recorded at that review: what the program changes because of it.',
  ],
  [
    'Lessons still to act on',
    'Lessons carried from the reviews into this version should be acted on in the Plan phase and ticked off on the Objective.',
  ],
] as const;

const available = (section: string): section is SectionId =>
  PLAN_SECTIONS.some((s) => s.id === section);

function plural(n: number, severity: Severity) {
  const names = SEVERITY_NAMES[severity];
  return `${formatCount(n)} ${byCount(n, names.one, names.many)}`;
}

function FindingRow({ finding }: { finding: Finding }) {
  const dispatch = useDispatch();
  const { section, elementId } = finding.target;
  const canGo = available(section);
  const repair = finding.repair;
  return (
    <li className={`finding finding-${finding.severity}`}>
      <SeverityIcon severity={finding.severity} />
      <span className="visually-hidden">{SEVERITY_NAMES[finding.severity].one}: </span>
      {repair ? (
        <span className="finding-text">{finding.message}</span>
      ) : (
        <button
          type="button"
          className="finding-link"
          disabled={!canGo}
          title={canGo ? 'Show this in the editor' : 'This editor is not available yet'}
          onClick={() => canGo && goToSection(section, elementId ?? undefined)}
        >
          {finding.message}
        </button>
      )}
      {repair && (
        <button
          type="button"
          className="finding-repair"
          onClick={() => dispatch(repairFinding({ repair }))}
        >
          {repair.label}
        </button>
      )}
    </li>
  );
}

/** The Plan health section. */
export function HealthSection() {
  const findings = usePlanHealth();
  const counts = countBySeverity(findings);
  return (
    <div className="section-body health">
      <header className="section-header">
        <h1>Plan health</h1>
        <p className="lead">
          Checks that keep the whole plan sound, measurable and within budget. Select a finding to
          go to the element it is about.
        </p>
        <p className="health-summary" role="status">
          {findings.length === 0 ? (
            'No findings: every check passes.'
          ) : (
            <>
              {SEVERITIES.map((s) => (
                <span
                  key={s}
                  className={`health-count health-count-${s} ${counts[s] === 0 ? 'is-zero' : ''}`}
                >
                  <SeverityIcon severity={s} size={16} />
                  {plural(counts[s], s)}
                </span>
              ))}
            </>
          )}
        </p>
      </header>

      {findings.length === 0 && (
        <div className="health-empty card">
          <p>
            Nothing to fix. Every outcome has a measurable indicator, every element is linked, the
            logic model traces to the theory of change, and the plan fits its budget.
          </p>
        </div>
      )}

      {SEVERITIES.map((severity) => {
        const ofSeverity = findings.filter((f) => f.severity === severity);
        if (ofSeverity.length === 0) return null;
        const headingId = `health-${severity}`;
        return (
          <section key={severity} className="card health-group" aria-labelledby={headingId}>
            <h2 id={headingId}>
              <SeverityIcon severity={severity} />
              {SEVERITY_NAMES[severity].heading}
              <span className="health-group-count">{ofSeverity.length}</span>
            </h2>
            {AREAS.map((area) => {
              const inArea = ofSeverity.filter((f) => f.target.section === area.id);
              if (inArea.length === 0) return null;
              const areaId = `${headingId}-${area.id}`;
              return (
                <div key={area.id} className="health-area">
                  <h3 id={areaId}>
                    {area.label} <span className="health-area-count">({inArea.length})</span>
                  </h3>
                  <ul aria-labelledby={areaId} className="finding-list">
                    {inArea.map((f) => (
                      <FindingRow key={f.id} finding={f} />
                    ))}
                  </ul>
                </div>
              );
            })}
          </section>
        );
      })}

      <details className="health-about">
        <summary>About these checks</summary>
        <dl>
          {RULE_HELP.map(([term, help]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{help}</dd>
            </div>
          ))}
        </dl>
        <p className="section-note">
          Errors and warnings are counted beside “Plan health” in the sidebar; suggestions are not.
        </p>
      </details>
    </div>
  );
}
