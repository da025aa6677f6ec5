/**
 * Skills-first KPIs (Manage, issue 14; company programs) from the plan's
 * skills map: share of roles filled by qualified talent, time to close a
 * skill gap from dated assessments, critical capabilities per business
 * initiative with the decision per gap and the milestone it serves, and
 * "staff for outcomes, not titles": the people who hold a skill at a level,
 * whatever their role. Dated assessments are recorded here (the level they
 * replace moves into the history) and a person's role is set here; the map
 * itself (roles, people, skills, levels, capabilities) is edited in
 * Pathways & skills.
 */
import { useEffect, useMemo, useState } from 'react';
import { recordAssessment, setPersonRole } from '../../../../shared/commands/skills-first';
import { formatDate } from '../../../../shared/export/document';
import {
  GAP_DECISION_LABELS,
  SKILLS_FIRST_RULES,
  SOURCE_LABELS,
  capabilitiesByInitiative,
  findPeopleWithSkill,
  indexSkills,
  qualifiedTalent,
  shortfallsFor,
  timeToClose,
  type LevelSource,
  type SkillsIndex,
} from '../../../../shared/manage/skills-first';
import { goToSection, notifyUndoable, useWorkbench } from '../../app/workbench';
import { DateField, SelectField } from '../../components/fields';
import { useDispatch, usePlan } from '../../store/plan-context';
import { useToday } from '../stakeholders/today';
import './manage-content.css';
import '../manage-wide.css';

const LEVELS = [0, 1, 2, 3, 4, 5] as const;
const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)} %`);

function EditMapLink() {
  return (
    <button type="button" className="link-button" onClick={() => goToSection('pathways')}>
      Edit the skills map in Pathways & skills
    </button>
  );
}

/** The Skills-first KPIs section. */
export function SkillsFirstSection() {
  const map = usePlan((p) => p.skillsMap);
  const index = useMemo(() => indexSkills(map), [map]);
  const people = map.holders.filter((h) => h.kind === 'person');
  // A Plan health finding names a critical capability (or a person): bring it into view.
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  useEffect(() => {
    if (!focus) return;
    const row = document.querySelector<HTMLElement>(`[data-sf-focus="${CSS.escape(focus)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [focus]);
  return (
    <div className="section-body skills-first">
      <header className="section-header">
        <h1>Skills-first KPIs</h1>
        <p className="lead">
          Staff for outcomes, not titles: how many roles are filled by people with the skills they
          need, how fast skill gaps close, and which capabilities each business initiative still
          lacks.
        </p>
        <p className="section-note">
          From the skills map (roles, people, skills and their levels 0–5). <EditMapLink />
        </p>
      </header>
      {map.skills.length === 0 ? (
        <p className="empty-note">
          The skills map has no skills yet: add roles, people and skills in Pathways & skills.
        </p>
      ) : (
        <>
          <Kpis index={index} />
          <Capabilities index={index} />
          <FindPeople index={index} />
          {people.length > 0 && <PeopleAndRoles index={index} />}
          <RecordAssessment index={index} />
        </>
      )}
    </div>
  );
}

function Kpis({ index }: { index: SkillsIndex }) {
  const q = useMemo(() => qualifiedTalent(index), [index]);
  const t = useMemo(() => timeToClose(index), [index]);
  return (
    <section aria-labelledby="sf-kpis-heading">
      <h2 id="sf-kpis-heading">KPIs</h2>
      <div className="sf-kpis">
        <article className="card sf-kpi" aria-labelledby="sf-kpi-qualified">
          <h3 id="sf-kpi-qualified">Roles filled by qualified talent</h3>
          <p className="sf-value">{percent(q.share)}</p>
          <p>
            {q.positions === 0
              ? 'Nobody is in a role with required levels yet.'
              : `${q.qualified} of ${q.positions} people in a role meet every level it requires.`}
          </p>
          <p className="section-note">{SKILLS_FIRST_RULES.qualified}</p>
        </article>
        <article className="card sf-kpi" aria-labelledby="sf-kpi-gap">
          <h3 id="sf-kpi-gap">Time to close a skill gap</h3>
          <p className="sf-value">
            {t.medianDays === null ? '—' : `${Math.round(t.medianDays)} days`}
          </p>
          <p>
            {t.gaps.length === 0
              ? 'No dated assessment has been below the required level yet.'
              : `${t.closed} ${t.closed === 1 ? 'gap' : 'gaps'} closed, ${t.open} still open.`}
          </p>
          <p className="section-note">{SKILLS_FIRST_RULES.timeToClose}</p>
        </article>
      </div>
      {q.roles.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact">
            <caption>Roles and the people who fill them</caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col" className="num">
                  Required levels
                </th>
                <th scope="col" className="num">
                  People
                </th>
                <th scope="col" className="num">
                  Qualified
                </th>
              </tr>
            </thead>
            <tbody>
              {q.roles.map((r) => (
                <tr key={r.roleId}>
                  <th scope="row">{r.name || 'Unnamed role'}</th>
                  <td className="num">{r.requirements}</td>
                  <td className="num">{r.people.length}</td>
                  <td className="num">{r.requirements > 0 ? r.qualified.length : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Capabilities({ index }: { index: SkillsIndex }) {
  const groups = useMemo(() => capabilitiesByInitiative(index), [index]);
  const roleName = (id: string) => index.holders.get(id)?.name || 'Unnamed role';
  return (
    <section aria-labelledby="sf-cap-heading">
      <h2 id="sf-cap-heading">Critical capabilities per business initiative</h2>
      <p className="section-note">{SKILLS_FIRST_RULES.capabilities}</p>
      {groups.length === 0 ? (
        <p className="empty-note">
          No critical capability yet. <EditMapLink />
        </p>
      ) : (
        groups.map((g) => (
          <div className="sf-initiative" key={g.initiative}>
            <h3>{g.initiative || 'Initiative not named'}</h3>
            <div className="table-scroll">
              <table className="data-table compact">
                <caption className="visually-hidden">
                  Capabilities of {g.initiative || 'an unnamed initiative'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Skills</th>
                    <th scope="col">Gap</th>
                    <th scope="col">Decision</th>
                    <th scope="col">Milestone</th>
                  </tr>
                </thead>
                <tbody>
                  {g.capabilities.map((c) => (
                    <tr key={c.capability.id} data-sf-focus={c.capability.id} tabIndex={-1}>
                      <td>
                        <ul className="plain-list">
                          {c.skills.map((s) => (
                            <li key={s.skillId}>
                              {s.name}{' '}
                              <span className={`sf-status sf-status--${s.status}`}>
                                {s.status === 'covered'
                                  ? 'Covered'
                                  : s.status === 'gap'
                                    ? 'Gap'
                                    : 'No role requires it'}
                              </span>
                              {s.roles.some((r) => r.atLevel === 0) && (
                                <span className="section-note">
                                  {' '}
                                  nobody at level in{' '}
                                  {s.roles
                                    .filter((r) => r.atLevel === 0)
                                    .map((r) => `${roleName(r.roleId)} (needs ${r.required})`)
                                    .join(', ')}
                                </span>
                              )}
                            </li>
                          ))}
                          {c.skills.length === 0 && <li>No skill chosen</li>}
                        </ul>
                      </td>
                      <td>{c.gap ? 'Yes' : 'No'}</td>
                      <td>
                        {c.capability.gapDecision
                          ? GAP_DECISION_LABELS[c.capability.gapDecision]
                          : 'Not decided'}
                      </td>
                      <td>
                        {c.capability.milestone || '—'}
                        {c.capability.milestoneDate
                          ? ` (${formatDate(c.capability.milestoneDate)})`
                          : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        ))
      )}
    </section>
  );
}

function FindPeople({ index }: { index: SkillsIndex }) {
  const skills = index.map.skills;
  const [skillId, setSkillId] = useState(skills[0]?.id ?? '');
  const [level, setLevel] = useState(3);
  const [assessedOnly, setAssessedOnly] = useState(false);
  const chosen = skills.some((s) => s.id === skillId) ? skillId : (skills[0]?.id ?? '');
  const found = useMemo(
    () => findPeopleWithSkill(index, chosen, level, assessedOnly),
    [index, chosen, level, assessedOnly],
  );
  const skillName = index.skills.get(chosen)?.name ?? '';
  return (
    <section aria-labelledby="sf-find-heading">
      <h2 id="sf-find-heading">Find people with a skill</h2>
      <p className="section-note">
        Staff for outcomes, not titles: everyone who holds the skill at the level or above, whatever
        their role. Assessed levels are listed before self-reported ones.
      </p>
      <div className="sf-search">
        <SelectField
          label="Skill"
          value={chosen}
          options={skills.map((s) => ({ value: s.id, label: s.name || 'Unnamed skill' }))}
          onChange={setSkillId}
        />
        <SelectField
          label="At least level"
          value={String(level)}
          options={LEVELS.slice(1).map((l) => ({ value: String(l), label: String(l) }))}
          onChange={(v) => setLevel(Number(v))}
        />
        <label className="check sf-check">
          <input
            type="checkbox"
            checked={assessedOnly}
            onChange={(e) => setAssessedOnly(e.target.checked)}
          />
          Assessed levels only
        </label>
      </div>
      <p role="status">
        {found.length === 0
          ? `Nobody holds ${skillName} at level ${level} or above${assessedOnly ? ' (assessed)' : ''}.`
          : `${found.length} ${found.length === 1 ? 'person holds' : 'people hold'} ${skillName} at level ${level} or above.`}
      </p>
      {found.length > 0 && (
        <div className="table-scroll">
          <table className="data-table compact">
            <caption className="visually-hidden">
              People with {skillName} at level {level} or above
            </caption>
            <thead>
              <tr>
                <th scope="col">Person</th>
                <th scope="col">Role</th>
                <th scope="col" className="num">
                  Level
                </th>
                <th scope="col">How it was found</th>
                <th scope="col">Refreshed</th>
              </tr>
            </thead>
            <tbody>
              {found.map((p) => (
                <tr key={p.holderId}>
                  <th scope="row">{p.name || 'Unnamed person'}</th>
                  <td>{p.roleName || 'No role'}</td>
                  <td className="num">{p.level}</td>
                  <td>{SOURCE_LABELS[p.source]}</td>
                  <td>{p.refreshedAt ? formatDate(p.refreshedAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PeopleAndRoles({ index }: { index: SkillsIndex }) {
  const dispatch = useDispatch();
  const roles = index.map.holders.filter((h) => h.kind === 'role');
  const people = index.map.holders.filter((h) => h.kind === 'person');
  const skillName = (id: string) => index.skills.get(id)?.name || 'a skill';
  return (
    <section aria-labelledby="sf-people-heading">
      <h2 id="sf-people-heading">People and their roles</h2>
      <div className="table-scroll">
        <table className="data-table compact">
          <caption className="visually-hidden">People and their roles</caption>
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Role</th>
              <th scope="col">Against the role</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => {
              const short = shortfallsFor(index, p);
              return (
                <tr key={p.id}>
                  <th scope="row">{p.name || 'Unnamed person'}</th>
                  <td>
                    <select
                      aria-label={`Role of ${p.name || 'the person'}`}
                      value={p.roleId ?? ''}
                      onChange={(e) =>
                        dispatch(setPersonRole({ holderId: p.id, roleId: e.target.value || null }))
                      }
                    >
                      <option value="">No role</option>
                      {roles.map((r) => (
                        <option key={r.id} value={r.id}>
                          {r.name || 'Unnamed role'}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {short === null
                      ? '—'
                      : short.length === 0
                        ? 'Qualified'
                        : `Below in ${short
                            .map(
                              (s) =>
                                `${skillName(s.skillId)} (${s.current ?? 'not rated'} of ${s.required})`,
                            )
                            .join(', ')}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function RecordAssessment({ index }: { index: SkillsIndex }) {
  const dispatch = useDispatch();
  const today = useToday();
  const holders = index.map.holders;
  const skills = index.map.skills;
  const [holderId, setHolderId] = useState(
    holders.find((h) => h.kind === 'person')?.id ?? holders[0]?.id ?? '',
  );
  const [skillId, setSkillId] = useState(skills[0]?.id ?? '');
  const [date, setDate] = useState<string | null>(today);
  const [level, setLevel] = useState(3);
  const [source, setSource] = useState<LevelSource>('assessed');
  const holder = holders.some((h) => h.id === holderId) ? holderId : (holders[0]?.id ?? '');
  const skill = skills.some((s) => s.id === skillId) ? skillId : (skills[0]?.id ?? '');
  if (holders.length === 0) return null;
  const record = () => {
    if (!date) return;
    const result = dispatch(
      recordAssessment({ holderId: holder, skillId: skill, date, level, source }),
    );
    if (result.ok)
      notifyUndoable(
        `Recorded ${index.skills.get(skill)?.name ?? 'the skill'} at level ${level} for ${index.holders.get(holder)?.name ?? 'them'} on ${formatDate(date)}; the level it replaces is kept in the history.`,
        result.stepId,
      );
  };
  return (
    <section aria-labelledby="sf-record-heading">
      <h2 id="sf-record-heading">Record a dated assessment</h2>
      <p className="section-note">
        The new level becomes the current one; the level it replaces is kept with its date, so the
        time to close a skill gap can be measured. An assessment older than the current level is
        filed in the history.
      </p>
      <div className="sf-record">
        <SelectField
          label="Person or role"
          value={holder}
          options={holders.map((h) => ({
            value: h.id,
            label: `${h.name || 'Unnamed'}${h.kind === 'role' ? ' (role)' : ''}`,
          }))}
          onChange={setHolderId}
        />
        <SelectField
          label="Skill assessed"
          value={skill}
          options={skills.map((s) => ({ value: s.id, label: s.name || 'Unnamed skill' }))}
          onChange={setSkillId}
        />
        <SelectField
          label="Level"
          value={String(level)}
          options={LEVELS.map((l) => ({ value: String(l), label: String(l) }))}
          onChange={(v) => setLevel(Number(v))}
        />
        <SelectField<LevelSource>
          label="How it was found"
          value={source}
          options={[
            { value: 'assessed', label: SOURCE_LABELS.assessed },
            { value: 'selfReported', label: SOURCE_LABELS.selfReported },
          ]}
          onChange={setSource}
        />
        <DateField label="Assessed on" value={date} onChange={setDate} />
      </div>
      <button
        type="button"
        className="primary"
        disabled={!date || !holder || !skill}
        onClick={record}
      >
        Record assessment
      </button>
    </section>
  );
}
