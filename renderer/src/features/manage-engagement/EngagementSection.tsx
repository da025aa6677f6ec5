/**
 * Engagement & follow-ups (Manage, issue 14): the engagement activities
 * (communities, monitoring, workshops, wraparound services) with owner,
 * cadence, delivering partner and segments, each addable from a ready-made
 * suggestion; the follow-up rules (not started, no activity, behind pace)
 * with segments, channel and a message in the Launch merge fields; and,
 * from the local learner roster, today's follow-up list, top learners and
 * the licences that can be freed (FollowUpsToday).
 */
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { engagementActivities, followUpRules } from '../../../../shared/commands/engagement';
import {
  ENGAGEMENT_SUGGESTIONS,
  FOLLOW_UP_SUGGESTIONS,
  activityFrom,
  engagementSuggestions,
  followUpSuggestions,
  partnersOf,
  ruleFrom,
  type EngagementKind,
} from '../../../../shared/manage/engagement-suggestions';
import { shadowedRuleFindings } from '../../../../shared/manage/engagement-health';
import { uiFindingText } from '../health/finding-text';
import {
  fillFollowUp,
  fixedTimeWording,
  FOLLOW_UP_FIELD_INFO,
} from '../../../../shared/manage/follow-up-export';
import { TRIGGER_LABELS, describeRule } from '../../../../shared/manage/follow-ups';
import {
  FIELD_INFO,
  fieldToken,
  type MergePart,
  type MergeProblem,
} from '../../../../shared/launch/merge-fields';
import { localToday } from '../../../../shared/stakeholders/schedule';
import type { EngagementActivity, FollowUpRule, Plan } from '../../../../shared/plan/schema';
import { notify, notifyUndoable, useWorkbench } from '../../app/workbench';
import { NumberField, SelectField, TextAreaField, TextField } from '../../components/fields';
import { uiTranslator } from '../content/ui-translator';
import { documentTranslator } from '../../i18n/document-translator';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { FollowUpsToday } from './FollowUpsToday';
import './engagement.css';

const KINDS: readonly EngagementKind[] = ['community', 'monitoring', 'workshop', 'wraparound'];
const TRIGGERS = Object.keys(TRIGGER_LABELS) as FollowUpRule['trigger'][];
const CHANNELS = ['email', 'sms'] as const;

/** A merge field's label in the UI language ("first name"). */
function useFieldLabel(): (name: string) => string {
  const { t } = useTranslation('engagement');
  return (name) =>
    name in FIELD_LABEL_KEYS ? t(`fields.${name as keyof typeof FIELD_LABEL_KEYS}`) : name;
}
const FIELD_LABEL_KEYS = {
  daysInactive: true,
  firstName: true,
  lastName: true,
  programName: true,
  organisation: true,
  region: true,
  launchDate: true,
  pathway: true,
  supportContact: true,
  registrationLink: true,
  sendDate: true,
} as const;

/** The problem of a missing or unknown field in a filled message, in the UI language. */
function partProblem(part: Extract<MergePart, { kind: 'missing' | 'unknown' }>): string {
  return problemText(
    part.kind === 'missing'
      ? { kind: 'missing', name: part.field, message: part.message, invalid: part.invalid }
      : { kind: 'unknown', name: part.name, message: part.message },
  );
}

/** A problem of a filled message, in the UI language (the words Plan health uses). */
function problemText(p: MergeProblem): string {
  const t = uiTranslator();
  if (p.kind === 'unknown')
    return t('health:words.mergeFieldUnknown', {
      name: t('health:words.quoted', { text: `{${p.name}}` }),
    });
  return p.invalid
    ? t('health:words.mergeFieldInvalidLink')
    : t('health:words.mergeFieldMissing', { field: p.name });
}

/** Segment checkboxes (several can be picked by keyboard); none = every learner. */
function SegmentPicker({
  plan,
  chosen,
  label,
  onChange,
}: {
  plan: Plan;
  chosen: readonly string[];
  label: string;
  onChange: (ids: string[]) => void;
}) {
  const { t } = useTranslation('engagement');
  if (plan.learners.length === 0) return <p className="section-note">{t('segments.none')}</p>;
  const set = new Set(chosen);
  return (
    <fieldset className="eg-segments">
      <legend>{t('segments.legend')}</legend>
      <p className="section-note">
        {chosen.length === 0
          ? t('segments.noneChosen')
          : t('segments.chosen', { count: chosen.length })}
      </p>
      <ul aria-label={label}>
        {plan.learners.map((s) => (
          <li key={s.id}>
            <label>
              <input
                type="checkbox"
                checked={set.has(s.id)}
                onChange={(e) =>
                  onChange(
                    e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id),
                  )
                }
              />
              {s.name.trim() || t('segments.unnamed')}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** One activity: a summary row, and its editor when open. */
function ActivityRow({
  a,
  plan,
  open,
  onToggle,
}: {
  a: EngagementActivity;
  plan: Plan;
  open: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation('engagement');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const update = (patch: Partial<EngagementActivity>) =>
    dispatch(engagementActivities.update({ id: a.id, patch }));
  const partners = partnersOf(plan);
  const partner = partners.find((p) => p.id === a.partnerId);
  const title = a.title.trim() || t('activity.untitled');
  return (
    <li className="eg-item" data-eg-item={a.id}>
      <div className="eg-item-head">
        <button
          type="button"
          className="eg-toggle"
          aria-expanded={open}
          onClick={onToggle}
          data-eg-toggle
        >
          <span className="eg-kind">{t(`kinds.${a.kind}`)}</span>
          <span className="eg-title">
            <bdi>{title}</bdi>
          </span>
          <span className="eg-meta">
            {[
              a.cadence,
              a.owner ? t('activity.owner', { owner: a.owner }) : t('activity.noOwner'),
              partner ? partner.name : '',
            ]
              .filter(Boolean)
              .join(t('activity.separator'))}
          </span>
        </button>
        <button
          type="button"
          className="danger"
          aria-label={t('activity.deleteLabel', { title })}
          onClick={() => {
            const r = dispatch(engagementActivities.remove({ ids: [a.id] }));
            if (r.ok) notifyUndoable(t('activity.deleted', { title }), r.stepId);
          }}
        >
          {t('activity.delete')}
        </button>
      </div>
      {open && (
        <div className="eg-editor">
          <TextField
            label={t('activity.title')}
            value={a.title}
            onChange={(t) => update({ title: t })}
            onBlur={seal}
          />
          <SelectField
            label={t('activity.kind')}
            value={a.kind}
            options={KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
            onChange={(kind) => update({ kind })}
          />
          <TextField
            label={t('activity.cadence')}
            value={a.cadence}
            placeholder={t('activity.cadencePlaceholder')}
            onChange={(cadence) => update({ cadence })}
            onBlur={seal}
          />
          <TextField
            label={t('activity.ownerLabel')}
            value={a.owner}
            placeholder={t('activity.ownerPlaceholder')}
            onChange={(owner) => update({ owner })}
            onBlur={seal}
          />
          <SelectField
            label={t('activity.deliveredBy')}
            value={a.partnerId ?? ''}
            options={[
              { value: '', label: t('activity.programTeam') },
              ...partners.map((p) => ({
                value: p.id,
                label: p.organisation
                  ? t('activity.partnerOption', { name: p.name, organisation: p.organisation })
                  : p.name,
              })),
            ]}
            hint={partners.length === 0 ? t('activity.noPartners') : undefined}
            onChange={(id) => update({ partnerId: id || null })}
          />
          <TextAreaField
            label={t('activity.description')}
            value={a.description}
            className="eg-wide"
            onChange={(description) => update({ description })}
            onBlur={seal}
          />
          <SegmentPicker
            plan={plan}
            chosen={a.segmentIds}
            label={t('activity.segmentsFor', { title })}
            onChange={(segmentIds) => update({ segmentIds })}
          />
        </div>
      )}
    </li>
  );
}

/** Adds an activity of a kind from a suggestion (or blank). */
function AddActivity({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation('engagement');
  const dispatch = useDispatch();
  const id = useId();
  const language = usePlan((p) => p.documentLanguage);
  const [choice, setChoice] = useState('0');
  const add = async () => {
    // Offered in the UI language; added in the plan's document language (plan content).
    const s = engagementSuggestions(await documentTranslator(language))[Number(choice)];
    if (!s) return;
    const item = activityFrom(s);
    if (dispatch(engagementActivities.add({ item })).ok) onAdded(item.id);
  };
  return (
    <div className="eg-add" role="group" aria-label={t('addActivity.group')}>
      <div className="field">
        <label htmlFor={id}>{t('addActivity.suggested')}</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {KINDS.map((kind) => (
            <optgroup key={kind} label={t(`kinds.${kind}`)}>
              {ENGAGEMENT_SUGGESTIONS.map((s, i) =>
                s.kind === kind ? (
                  <option key={i} value={String(i)}>
                    {t('suggestionOption', {
                      title: t(`suggestions.${s.key}.title`),
                      cadence: t(`suggestions.${s.key}.cadence`),
                    })}
                  </option>
                ) : null,
              )}
            </optgroup>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => void add()}>
        {t('addActivity.add')}
      </button>
    </div>
  );
}

/** A filled message: values as text, learner fields and problems marked. */
function FilledText({ parts }: { parts: readonly MergePart[] }) {
  const { t } = useTranslation('engagement');
  const fieldLabel = useFieldLabel();
  return (
    <>
      {parts.map((part, i) => {
        switch (part.kind) {
          case 'text':
            return <span key={i}>{part.text}</span>;
          case 'value':
            return (
              <span key={i} className="eg-value">
                {part.text}
              </span>
            );
          case 'learner':
            return (
              <span key={i} className="eg-learner" title={t('message.learnerField')}>
                {t('message.learnerValue', { label: fieldLabel(part.field) })}
              </span>
            );
          case 'missing':
            return (
              <mark key={i} className="eg-problem" title={partProblem(part)}>
                {t('message.notSet', { label: fieldLabel(part.field) })}
              </mark>
            );
          case 'unknown':
            return (
              <mark key={i} className="eg-problem" title={partProblem(part)}>
                {t('message.unknown', { name: part.name })}
              </mark>
            );
        }
      })}
    </>
  );
}

const MESSAGE_MAX = 20_000;

/** The message text area with Insert field (chosen, then inserted by the button). */
function MessageEditor({
  rule,
  onChange,
  onBlur,
}: {
  rule: FollowUpRule;
  onChange: (message: string) => void;
  onBlur: () => void;
}) {
  const { t } = useTranslation('engagement');
  const fieldLabel = useFieldLabel();
  const id = useId();
  const insertId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [choice, setChoice] = useState('');
  const caret = useRef<{ start: number; end: number } | null>(null);
  const remember = () => {
    const el = area.current;
    if (el) caret.current = { start: el.selectionStart, end: el.selectionEnd };
  };
  const insert = () => {
    const info =
      FIELD_INFO.find((f) => f.name === choice) ??
      FOLLOW_UP_FIELD_INFO.find((f) => f.name === choice);
    if (!info) return;
    const token = fieldToken(info.name);
    const at = caret.current ?? { start: rule.message.length, end: rule.message.length };
    const next = rule.message.slice(0, at.start) + token + rule.message.slice(at.end);
    if (next.length > MESSAGE_MAX) {
      notify(t('message.atLimit'));
      return;
    }
    onChange(next);
    onBlur();
    setChoice('');
    const cursor = at.start + token.length;
    caret.current = { start: cursor, end: cursor };
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(cursor, cursor);
    });
  };
  return (
    <div className="eg-message eg-wide">
      <div className="eg-insert">
        <div className="field">
          <label htmlFor={insertId}>{t('message.fieldToInsert')}</label>
          <select id={insertId} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t('message.chooseField')}</option>
            {FOLLOW_UP_FIELD_INFO.map((f) => (
              <option key={f.name} value={f.name}>
                {t('message.learnerFieldOption', {
                  token: fieldToken(f.name),
                  label: fieldLabel(f.name),
                })}
              </option>
            ))}
            {FIELD_INFO.map((f) => (
              <option key={f.name} value={f.name}>
                {t('message.fieldOption', {
                  token: fieldToken(f.name),
                  label: f.name === 'sendDate' ? t('message.sendDateLabel') : fieldLabel(f.name),
                })}
              </option>
            ))}
          </select>
        </div>
        <button type="button" disabled={!choice} onClick={insert}>
          {t('message.insert')}
        </button>
      </div>
      <div className="field">
        <label htmlFor={id}>{t('message.label')}</label>
        <textarea
          id={id}
          ref={area}
          rows={4}
          value={rule.message}
          maxLength={MESSAGE_MAX}
          onChange={(e) => {
            onChange(e.target.value);
            remember();
          }}
          onSelect={remember}
          onKeyUp={remember}
          onBlur={() => {
            remember();
            onBlur();
          }}
        />
      </div>
    </div>
  );
}

/** One follow-up rule: a summary row, and its editor and message preview when open. */
function RuleRow({
  rule,
  index,
  count,
  plan,
  open,
  onToggle,
  warning,
}: {
  rule: FollowUpRule;
  index: number;
  count: number;
  plan: Plan;
  open: boolean;
  onToggle: () => void;
  /** Why the rule never lists anyone, when an earlier rule hides it. */
  warning?: string;
}) {
  const { t } = useTranslation('engagement');
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const update = (patch: Partial<FollowUpRule>) =>
    dispatch(followUpRules.update({ id: rule.id, patch }));
  const described = describeRule(rule, uiTranslator());
  const title = rule.name.trim() || described;
  const filled = open ? fillFollowUp(plan, rule, localToday()) : null;
  const fixedTime = open ? fixedTimeWording(rule) : null;
  return (
    <li className={`eg-item ${rule.active ? '' : 'eg-off'}`} data-eg-item={rule.id}>
      <div className="eg-item-head">
        <button
          type="button"
          className="eg-toggle"
          aria-expanded={open}
          onClick={onToggle}
          data-eg-toggle
        >
          <span className="eg-kind">
            {t('rule.kind', { number: index + 1, trigger: t(`triggers.${rule.trigger}`) })}
          </span>
          <span className="eg-title">
            <bdi>{title}</bdi>
          </span>
          <span className="eg-meta">
            {[
              described,
              t('channelShort', { channel: rule.channel }),
              rule.active ? '' : t('rule.off'),
              rule.message.trim() ? '' : t('rule.noMessage'),
            ]
              .filter(Boolean)
              .join(t('activity.separator'))}
          </span>
        </button>
        <label className="eg-active">
          <input
            type="checkbox"
            checked={rule.active}
            onChange={(e) => update({ active: e.target.checked })}
            aria-label={t('rule.onLabel', { title })}
          />
          {t('rule.on')}
        </label>
        <button
          type="button"
          aria-label={t('rule.moveUp', { title })}
          disabled={index === 0}
          onClick={() => dispatch(followUpRules.move({ id: rule.id, to: index - 1 }))}
        >
          ↑
        </button>
        <button
          type="button"
          aria-label={t('rule.moveDown', { title })}
          disabled={index === count - 1}
          onClick={() => dispatch(followUpRules.move({ id: rule.id, to: index + 1 }))}
        >
          ↓
        </button>
        <button
          type="button"
          className="danger"
          aria-label={t('activity.deleteLabel', { title })}
          onClick={() => {
            const r = dispatch(followUpRules.remove({ ids: [rule.id] }));
            if (r.ok) notifyUndoable(t('rule.deleted', { title }), r.stepId);
          }}
        >
          {t('activity.delete')}
        </button>
      </div>
      {warning && <p className="eg-warning">{warning}</p>}
      {open && (
        <div className="eg-editor">
          <TextField
            label={t('rule.name')}
            value={rule.name}
            onChange={(name) => update({ name })}
            onBlur={seal}
          />
          <SelectField
            label={t('rule.trigger')}
            value={rule.trigger}
            options={TRIGGERS.map((value) => ({ value, label: t(`triggers.${value}`) }))}
            onChange={(trigger) => update({ trigger })}
          />
          <NumberField
            label={
              rule.trigger === 'inactive'
                ? t('rule.daysInactive')
                : rule.trigger === 'notStarted'
                  ? t('rule.daysRegistered')
                  : t('rule.daysEnrolled')
            }
            value={rule.afterDays}
            min={1}
            max={365}
            integer
            required
            onChange={(d) => d !== null && update({ afterDays: d })}
            onBlur={seal}
          />
          {rule.trigger === 'behindPace' && (
            <NumberField
              label={t('rule.pace')}
              value={rule.pacePercent}
              min={1}
              max={100}
              integer
              required
              hint={t('rule.paceHint')}
              onChange={(p) => p !== null && update({ pacePercent: p })}
              onBlur={seal}
            />
          )}
          <SelectField
            label={t('rule.channel')}
            value={rule.channel}
            options={CHANNELS.map((value) => ({ value, label: t(`channels.${value}`) }))}
            onChange={(channel) => update({ channel })}
          />
          <SegmentPicker
            plan={plan}
            chosen={rule.segmentIds}
            label={t('rule.segmentsFor', { title })}
            onChange={(segmentIds) => update({ segmentIds })}
          />
          <MessageEditor rule={rule} onChange={(message) => update({ message })} onBlur={seal} />
          {filled && (
            <section className="eg-preview eg-wide" aria-label={t('rule.previewOf', { title })}>
              <h4>{t('rule.preview')}</h4>
              <p>
                {rule.message.trim() ? (
                  <FilledText parts={filled.parts} />
                ) : (
                  <em>{t('rule.noMessageYet')}</em>
                )}
              </p>
              {(filled.problems.length > 0 || fixedTime) && (
                <ul className="eg-problems" role="status">
                  {filled.problems.map((p) => (
                    <li key={`${p.kind}:${p.name}`}>{problemText(p)}</li>
                  ))}
                  {fixedTime && (
                    <li>
                      {t('rule.fixedTime', {
                        words: fixedTime,
                        days: rule.afterDays,
                        token: fieldToken('daysInactive'),
                      })}
                    </li>
                  )}
                </ul>
              )}
            </section>
          )}
        </div>
      )}
    </li>
  );
}

/** Adds a suggested follow-up rule. */
function AddRule({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation('engagement');
  const dispatch = useDispatch();
  const id = useId();
  const language = usePlan((p) => p.documentLanguage);
  const [choice, setChoice] = useState('0');
  const add = async () => {
    // Offered in the UI language; the rule's name and message (to learners) in the plan's document language.
    const s = followUpSuggestions(await documentTranslator(language))[Number(choice)];
    if (!s) return;
    const item = ruleFrom(s);
    if (dispatch(followUpRules.add({ item })).ok) onAdded(item.id);
  };
  return (
    <div className="eg-add" role="group" aria-label={t('addRule.group')}>
      <div className="field">
        <label htmlFor={id}>{t('addRule.suggested')}</label>
        <select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
          {FOLLOW_UP_SUGGESTIONS.map((s, i) => (
            <option key={i} value={String(i)}>
              {t('ruleSuggestionOption', {
                name: t(`ruleSuggestions.${s.trigger}`),
                channel: s.channel,
              })}
            </option>
          ))}
        </select>
      </div>
      <button type="button" onClick={() => void add()}>
        {t('addRule.add')}
      </button>
    </div>
  );
}

function useOpenIds() {
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const [openIds, setOpenIds] = useState<ReadonlySet<string>>(() => new Set(focus ? [focus] : []));
  const [followed, setFollowed] = useState(focus);
  if (focus !== followed) {
    setFollowed(focus);
    if (focus) setOpenIds((s) => new Set([...s, focus]));
  }
  const toggle = (id: string) =>
    setOpenIds((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const openAndFocus = (id: string) => {
    setOpenIds((s) => new Set([...s, id]));
    requestAnimationFrame(() =>
      document
        .querySelector<HTMLButtonElement>(`[data-eg-item="${CSS.escape(id)}"] [data-eg-toggle]`)
        ?.focus(),
    );
  };
  return { openIds, toggle, openAndFocus };
}

/** The Engagement & follow-ups section. */
export function EngagementSection() {
  const { t } = useTranslation('engagement');
  const plan = usePlan((p) => p);
  const { engagement, followUps } = plan.manage;
  const { openIds, toggle, openAndFocus } = useOpenIds();
  const shadowed = new Map(
    shadowedRuleFindings(plan).map((f) => [f.target.elementId ?? '', uiFindingText(f.message)]),
  );
  return (
    <div className="section-body engagement-section">
      <header className="section-header">
        <h1>{t('title')}</h1>
        <p className="lead">{t('lead')}</p>
      </header>

      <FollowUpsToday>
        <section className="card" aria-labelledby="eg-activities-heading">
          <h2 id="eg-activities-heading">{t('activities.heading')}</h2>
          {engagement.length === 0 ? (
            <p className="empty-note">{t('activities.empty')}</p>
          ) : (
            KINDS.filter((k) => engagement.some((a) => a.kind === k)).map((kind) => (
              <div key={kind} className="eg-group">
                <h3>
                  {t(`kinds.${kind}`)}
                  <span className="eg-hint">{t('kindHint', { hint: t(`kindHints.${kind}`) })}</span>
                </h3>
                <ul className="eg-list">
                  {engagement
                    .filter((a) => a.kind === kind)
                    .map((a) => (
                      <ActivityRow
                        key={a.id}
                        a={a}
                        plan={plan}
                        open={openIds.has(a.id)}
                        onToggle={() => toggle(a.id)}
                      />
                    ))}
                </ul>
              </div>
            ))
          )}
          <AddActivity onAdded={openAndFocus} />
        </section>

        <section className="card" aria-labelledby="eg-rules-heading">
          <h2 id="eg-rules-heading">{t('rules.heading')}</h2>
          <p className="section-note">{t('rules.note')}</p>
          {followUps.length === 0 ? (
            <p className="empty-note">{t('rules.empty')}</p>
          ) : (
            <ol className="eg-list">
              {followUps.map((r, i) => (
                <RuleRow
                  key={r.id}
                  rule={r}
                  index={i}
                  count={followUps.length}
                  plan={plan}
                  open={openIds.has(r.id)}
                  onToggle={() => toggle(r.id)}
                  warning={shadowed.get(r.id)}
                />
              ))}
            </ol>
          )}
          <AddRule onAdded={openAndFocus} />
        </section>
      </FollowUpsToday>
    </div>
  );
}
