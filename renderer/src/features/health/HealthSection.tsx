/**
 * Plan health: every rule-based finding about the plan — theory of change,
 * logic model, indicators, budget, stakeholders, learners, make-or-buy and
 * pathways — grouped by severity and area. Each finding is a
 * button that opens the element it is about; broken references can be
 * removed in place.
 */
import { repairFinding } from '../../../../shared/commands/plan-io';
import { countBySeverity } from '../../../../shared/health/check';
import { useTranslation } from 'react-i18next';
import {
  SEVERITIES,
  type Finding,
  type HealthSection as HealthArea,
  type Severity,
} from '../../../../shared/health/types';
import type enHealth from '../../../../shared/i18n/locales/en/health.json';
import { REVIEW_EVERY_MONTHS } from '../../../../shared/manage/review-health';
import { PLAN_SECTIONS, type SectionId } from '../../app/routes';
import { goToSection } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { useDispatch } from '../../store/plan-context';
import { useFindingWords } from './finding-text';
import { SeverityIcon } from './SeverityIcon';
import { usePlanHealth } from './use-health';
import './health.css';

/**
 * The areas findings are grouped in, in plan order. Every section a finding
 * can point at has one (the record type makes a missing area a type error:
 * a finding in an unlisted area was counted in the badge but never shown).
 */
const AREA_SET: Record<HealthArea, true> = {
  objective: true,
  theoryOfChange: true,
  logicModel: true,
  stakeholders: true,
  learners: true,
  makeOrBuy: true,
  pathways: true,
  marketing: true,
  invitations: true,
  onboarding: true,
  communications: true,
  roster: true,
  engagement: true,
  kpis: true,
  contentInUse: true,
  skillsFirst: true,
  reviews: true,
};

const AREAS = Object.keys(AREA_SET) as HealthArea[];

/** What each rule checks, for the "About these checks" list (health:about.checks.<key>), in order. */
const RULE_HELP = [
  'communicationUnscheduled',
  'communicationAfterLaunch',
  'communicationUnfilledFields',
  'outcomeWithoutIndicator',
  'indicatorIncomplete',
  'orphanNode',
  'leadsNowhere',
  'linkWithoutRationale',
  'logicModelCycle',
  'noImpact',
  'notTraced',
  'danglingReference',
  'uncoveredSkill',
  'undecidedMakeOrBuy',
  'unservedSegment',
  'participantsOverPopulation',
  'undatedCheckpoint',
  'overBudget',
  'unmeasurableTiming',
  'timelineOutOfOrder',
  'unengagedKeyStakeholder',
  'channelReachesNoSegment',
  'segmentNotReached',
  'storyWithoutConsent',
  'invitationsShort',
  'waveWithoutShare',
  'waveWithoutDate',
  'checklistPastDue',
  'journeyOverTarget',
  'contentReviewOverdue',
  'maintenanceOverCapacity',
  'roleWithoutQualifiedHolder',
  'reviewOverdue',
  'assumptionBrokenUndecided',
  'carriedLessonsOpen',
] as const satisfies readonly (keyof (typeof enHealth)['about']['checks'])[];

/** The id of a severity's heading (its areas' headings add the area). */
const groupId = (severity: Severity) => `health-${severity}`;

const available = (section: string): section is SectionId =>
  PLAN_SECTIONS.some((s) => s.id === section);

function FindingRow({ finding }: { finding: Finding }) {
  const { t } = useTranslation('health');
  const words = useFindingWords();
  const dispatch = useDispatch();
  const { section, elementId } = finding.target;
  const canGo = available(section);
  const repair = finding.repair;
  const text = words.message(finding.message);
  return (
    <li className={`finding finding-${finding.severity}`}>
      <SeverityIcon severity={finding.severity} />
      <span className="visually-hidden">
        {t('severityPrefix', { severity: t(`severity.${finding.severity}`) })}
      </span>
      {repair ? (
        <span className="finding-text">{text}</span>
      ) : (
        <button
          type="button"
          className="finding-link"
          disabled={!canGo}
          title={canGo ? t('showInEditor') : t('editorNotAvailable')}
          onClick={() => canGo && goToSection(section, elementId ?? undefined)}
        >
          {text}
        </button>
      )}
      {repair && (
        <button
          type="button"
          className="finding-repair"
          onClick={() => dispatch(repairFinding({ repair }))}
        >
          {words.repair(repair)}
        </button>
      )}
    </li>
  );
}

/** The Plan health section. */
export function HealthSection() {
  const { t } = useTranslation('health');
  const format = useFormat();
  const findings = usePlanHealth();
  const counts = countBySeverity(findings);
  return (
    <div className="section-body health">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
        <p className="health-summary" role="status">
          {findings.length === 0 ? (
            t('summary.none')
          ) : (
            <>
              {SEVERITIES.map((s) => (
                <span
                  key={s}
                  className={`health-count health-count-${s} ${counts[s] === 0 ? 'is-zero' : ''}`}
                >
                  <SeverityIcon severity={s} size={16} />
                  {t(`summary.${s}`, { count: counts[s] })}
                </span>
              ))}
            </>
          )}
        </p>
      </header>

      {findings.length === 0 && (
        <div className="health-empty card">
          <p>{t('empty')}</p>
        </div>
      )}

      {SEVERITIES.map((severity) => {
        const ofSeverity = findings.filter((f) => f.severity === severity);
        if (ofSeverity.length === 0) return null;
        const headingId = groupId(severity);
        return (
          <section key={severity} className="card health-group" aria-labelledby={headingId}>
            <h2 id={headingId}>
              <SeverityIcon severity={severity} />
              {t(`headings.${severity}`)}
              <span className="health-group-count">{format.number(ofSeverity.length)}</span>
            </h2>
            {AREAS.map((area) => {
              const inArea = ofSeverity.filter((f) => f.target.section === area);
              if (inArea.length === 0) return null;
              const areaId = `${headingId}-${area}`;
              return (
                <div key={area} className="health-area">
                  <h3 id={areaId}>
                    {t(`areas.${area}`)}{' '}
                    <span className="health-area-count">
                      {t('areaCount', { count: format.number(inArea.length) })}
                    </span>
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
        <summary>{t('about.title')}</summary>
        <dl>
          {RULE_HELP.map((check) => (
            <div key={check}>
              <dt>{t(`about.checks.${check}.term`)}</dt>
              <dd>{t(`about.checks.${check}.help`, { months: REVIEW_EVERY_MONTHS })}</dd>
            </div>
          ))}
        </dl>
        <p className="section-note">{t('about.note')}</p>
      </details>
    </div>
  );
}
