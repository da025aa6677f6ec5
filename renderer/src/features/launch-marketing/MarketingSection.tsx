/**
 * Launch → Marketing plan: the partner toolkit checklist, the channels that
 * bring learners in (with the segments each reaches, outreach partners,
 * budget against the program budget, owner and dates), a channel × segment
 * coverage grid, the "fewest clicks to start" check, learner stories with
 * consent recorded, and the learner journey funnel per stage and segment,
 * drawn as the same figure the Word export prints.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  addJourneyStep,
  blankChannel,
  blankStory,
  learnerStories,
  marketingChannels,
  moveJourneyStep,
  removeFunnelSegment,
  removeJourneyStep,
  setFunnelCell,
  setJourneyTarget,
  setToolkitNotes,
  toolkitItems,
  updateJourneyStep,
  type FunnelField,
} from '../../../../shared/commands/marketing';
import { funnelScene } from '../../../../shared/export/diagrams/funnel';
import { formatMoney } from '../../../../shared/learners/budget';
import {
  CHANNEL_KINDS,
  CHANNEL_LABELS,
  FUNNEL_STAGES,
  channelName,
  coverage,
  funnelRow,
  funnelSegments,
  journeyVerdict,
  looksLikeContactDetails,
  marketingSpend,
} from '../../../../shared/launch/marketing';
import { newId } from '../../../../shared/plan/create';
import type {
  FunnelStage,
  LearnerSegment,
  LearnerStory,
  MarketingChannel,
  Stakeholder,
} from '../../../../shared/plan/schema';
import { useWorkbench } from '../../app/workbench';
import {
  DateField,
  NumberField,
  SelectField,
  TextAreaField,
  TextField,
} from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineText } from '../content/inline';
import { MoneyField } from '../learners/MoneyField';
import { SceneSvg } from './SceneSvg';
import '../content/content.css';
import './marketing.css';

const KIND_OPTIONS = CHANNEL_KINDS.map((value) => ({ value, label: CHANNEL_LABELS[value] }));

const segmentName = (s: Pick<LearnerSegment, 'name'>) => s.name.trim() || 'Untitled segment';

/** Moves focus to the element matching `selector` once it is drawn (after an add). */
function useFocusAfterAdd(root: React.RefObject<HTMLElement | null>) {
  const pending = useRef<string | null>(null);
  useEffect(() => {
    if (!pending.current) return;
    const el = root.current?.querySelector<HTMLElement>(pending.current);
    if (!el) return;
    el.focus();
    pending.current = null;
  });
  return (selector: string) => {
    pending.current = selector;
  };
}

/** Up / down / remove buttons for an item of an ordered list. */
function OrderButtons(props: {
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <span className="mk-order">
      <button
        type="button"
        className="subtle"
        aria-label={`Move ${props.name} up`}
        disabled={props.index === 0}
        onClick={() => props.onMove(props.index - 1)}
      >
        ↑
      </button>
      <button
        type="button"
        className="subtle"
        aria-label={`Move ${props.name} down`}
        disabled={props.index === props.count - 1}
        onClick={() => props.onMove(props.index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="subtle danger-text"
        aria-label={`Delete ${props.name}`}
        onClick={props.onRemove}
      >
        Delete
      </button>
    </span>
  );
}

// ------------------------------------------------------------ toolkit

function Toolkit() {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const items = usePlan((p) => p.launch.marketing.toolkit);
  const notes = usePlan((p) => p.launch.marketing.toolkitNotes);
  const ref = useRef<HTMLUListElement>(null);
  const focusLater = useFocusAfterAdd(ref);
  const done = items.filter((i) => i.done).length;
  return (
    <section className="card" aria-labelledby="toolkit-heading" id="toolkit">
      <div className="card-title-row">
        <h2 id="toolkit-heading">Partner toolkit and admin guide</h2>
        <span className="tag">
          {done} of {items.length} ready
        </span>
      </div>
      <p className="section-note">
        What partners and administrators need to spread the word and help learners sign up.
      </p>
      {items.length > 0 && (
        <ul className="mk-list" ref={ref}>
          {items.map((item, index) => {
            const name = `toolkit item ${index + 1}`;
            return (
              <li key={item.id} data-item={item.id}>
                <input
                  type="checkbox"
                  aria-label={`Ready: ${item.label || name}`}
                  checked={item.done}
                  onChange={(e) =>
                    dispatch(
                      toolkitItems.update({ id: item.id, patch: { done: e.target.checked } }),
                    )
                  }
                />
                <InlineText
                  label={`Wording of ${name}`}
                  value={item.label}
                  onChange={(label) =>
                    dispatch(toolkitItems.update({ id: item.id, patch: { label } }))
                  }
                  onBlur={seal}
                />
                <OrderButtons
                  name={name}
                  index={index}
                  count={items.length}
                  onMove={(to) => dispatch(toolkitItems.move({ id: item.id, to }))}
                  onRemove={() => dispatch(toolkitItems.remove({ ids: [item.id] }))}
                />
              </li>
            );
          })}
        </ul>
      )}
      <div className="row-actions">
        <button
          type="button"
          onClick={() => {
            const id = newId('tk');
            if (dispatch(toolkitItems.add({ item: { id, label: '', done: false } })).ok)
              focusLater(`[data-item="${CSS.escape(id)}"] input[type="text"]`);
          }}
        >
          Add toolkit item
        </button>
      </div>
      <TextAreaField
        label="Toolkit notes"
        value={notes}
        rows={3}
        onChange={(text) => dispatch(setToolkitNotes({ notes: text }))}
        onBlur={seal}
      />
    </section>
  );
}

// ------------------------------------------------------------ channels

/** Partners from the register: outreach partners first, then other partners. */
function outreachFirst(stakeholders: readonly Stakeholder[]): Stakeholder[] {
  const partners = stakeholders.filter((s) => s.relation === 'partner');
  return [
    ...partners.filter((s) => s.partnerType === 'outreach'),
    ...partners.filter((s) => s.partnerType !== 'outreach'),
  ];
}

function ChannelEditor({
  channel,
  index,
  count,
}: {
  channel: MarketingChannel;
  index: number;
  count: number;
}) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const segments = usePlan((p) => p.learners);
  const stakeholders = usePlan((p) => p.stakeholders.entries);
  const currency = usePlan((p) => p.budget.currency);
  const partners = useMemo(() => outreachFirst(stakeholders), [stakeholders]);
  const update = (patch: Partial<MarketingChannel>) =>
    dispatch(marketingChannels.update({ id: channel.id, patch }));
  const toggle = (list: readonly string[], id: string, on: boolean) =>
    on ? [...list, id] : list.filter((x) => x !== id);
  const name = channelName(channel);
  return (
    <section className="card" aria-labelledby="channel-editor-heading" id="channel-editor">
      <div className="card-title-row">
        <h2 id="channel-editor-heading">Channel: {name}</h2>
        <OrderButtons
          name={`channel ${name}`}
          index={index}
          count={count}
          onMove={(to) => dispatch(marketingChannels.move({ id: channel.id, to }))}
          onRemove={() => dispatch(marketingChannels.remove({ ids: [channel.id] }))}
        />
      </div>
      <div className="mk-grid">
        <SelectField
          label="Kind of channel"
          value={channel.kind}
          options={KIND_OPTIONS}
          onChange={(kind) => update({ kind })}
        />
        <TextField
          label="Name"
          value={channel.name}
          hint="What the team calls it, e.g. “Spring radio campaign”. Without one, the description names it."
          onChange={(name) => update({ name })}
          onBlur={seal}
        />
        <TextField
          label="Description"
          value={channel.description}
          onChange={(description) => update({ description })}
          onBlur={seal}
        />
        <MoneyField
          label="Budget"
          value={channel.budget}
          currency={currency}
          hint={currency ? undefined : 'Currency not chosen yet (set it under Objective).'}
          onChange={(budget) => update({ budget })}
          onBlur={seal}
        />
        <TextField
          label="Owner"
          value={channel.owner}
          onChange={(owner) => update({ owner })}
          onBlur={seal}
        />
        <DateField
          label="Start date"
          value={channel.start}
          onChange={(start) => update({ start })}
        />
        <DateField label="End date" value={channel.end} onChange={(end) => update({ end })} />
      </div>
      <div className="mk-grid mk-grid-wide">
        <fieldset className="checkbox-group mk-checks">
          <legend>Learner segments it reaches</legend>
          {segments.length === 0 && <p className="section-note">No learner segments yet.</p>}
          {segments.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={channel.segmentIds.includes(s.id)}
                onChange={(e) =>
                  update({ segmentIds: toggle(channel.segmentIds, s.id, e.target.checked) })
                }
              />
              {segmentName(s)}
            </label>
          ))}
        </fieldset>
        <fieldset className="checkbox-group mk-checks">
          <legend>Outreach partners</legend>
          {partners.length === 0 && (
            <p className="section-note">
              No partners in the register yet (Stakeholders & partners).
            </p>
          )}
          {partners.map((s) => (
            <label key={s.id} className="check">
              <input
                type="checkbox"
                checked={channel.partnerIds.includes(s.id)}
                onChange={(e) =>
                  update({ partnerIds: toggle(channel.partnerIds, s.id, e.target.checked) })
                }
              />
              {s.name}
              {s.partnerType !== 'outreach' && <span className="tag">not an outreach partner</span>}
            </label>
          ))}
        </fieldset>
      </div>
      {channel.end && channel.start && channel.end < channel.start && (
        <p className="warnings" role="note">
          The end date is before the start date.
        </p>
      )}
    </section>
  );
}

function SpendSummary() {
  const marketing = usePlan((p) => p.launch.marketing);
  const budget = usePlan((p) => p.budget);
  const spend = marketingSpend(marketing, budget);
  const money = (n: number) => formatMoney(n, budget.currency);
  return (
    <>
      <dl className="budget" aria-label="Marketing spend against the budget">
        <div>
          <dt>Channels’ budgets</dt>
          <dd className="num strong" data-testid="marketing-total">
            {money(spend.total)}
            {!budget.currency && <span className="tag">currency not chosen</span>}
          </dd>
        </div>
        <div>
          <dt>Outreach and marketing line</dt>
          <dd className="num" data-testid="outreach-line">
            {spend.outreachLine === null ? 'Not set' : money(spend.outreachLine)}
          </dd>
        </div>
        <div>
          <dt>Whole program budget</dt>
          <dd className="num">
            {spend.programTotal === null
              ? 'Not set'
              : `${money(spend.programTotal)}${spend.shareOfProgram === null ? '' : ` (marketing ${(spend.shareOfProgram * 100).toLocaleString('en-GB', { maximumFractionDigits: 1 })} %)`}`}
          </dd>
        </div>
      </dl>
      {spend.overOutreach > 0 ? (
        <p className="warnings" role="note" data-testid="over-outreach">
          The channels cost {money(spend.overOutreach)} more than the outreach and marketing line.
          Trim a channel or raise the line under Objective → Budget.
        </p>
      ) : spend.outreachLine !== null ? (
        <p className="ok-note">Within the outreach and marketing line.</p>
      ) : null}
      {spend.unbudgeted > 0 && (
        <p className="section-note">
          {spend.unbudgeted} {spend.unbudgeted === 1 ? 'channel has' : 'channels have'} no budget
          yet.
        </p>
      )}
    </>
  );
}

function Channels({ focus }: { focus: string | undefined }) {
  const dispatch = useDispatch();
  const channels = usePlan((p) => p.launch.marketing.channels);
  const segments = usePlan((p) => p.learners);
  const currency = usePlan((p) => p.budget.currency);
  // A route with `focus` (a Plan health finding) selects that channel.
  const [selectedId, setSelectedId] = useState<string | null>(
    focus && channels.some((c) => c.id === focus) ? focus : null,
  );
  const selectedIndex = channels.findIndex((c) => c.id === selectedId);
  const selected = selectedIndex >= 0 ? channels[selectedIndex] : channels[0];
  const [newKind, setNewKind] = useState<MarketingChannel['kind']>('paidAds');
  const names = new Map(segments.map((s) => [s.id, segmentName(s)]));
  return (
    <>
      <section className="card" aria-labelledby="channels-heading" id="channels">
        <div className="card-title-row">
          <h2 id="channels-heading">Channels</h2>
        </div>
        {channels.length === 0 ? (
          <p className="section-note">
            No channels yet. Most programs combine a website hub with one sign-up link, community
            outreach through partners, social media and e-mail.
          </p>
        ) : (
          <table className="data-table">
            <caption className="visually-hidden">Marketing channels with their budgets</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Segments reached</th>
                <th scope="col">Owner</th>
                <th scope="col" className="num">
                  Budget
                </th>
              </tr>
            </thead>
            <tbody>
              {channels.map((c) => {
                const current = c.id === selected?.id;
                const reached = c.segmentIds.filter((id) => names.has(id));
                return (
                  <tr key={c.id} className={current ? 'selected' : undefined}>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-current={current ? 'true' : undefined}
                        onClick={() => setSelectedId(c.id)}
                      >
                        {channelName(c)}
                      </button>
                      <span className="tag">{CHANNEL_LABELS[c.kind]}</span>
                      {(c.name.trim()
                        ? c.description.trim() !== ''
                        : c.description.trim().length > 40) && (
                        <span className="mk-description">{c.description}</span>
                      )}
                    </th>
                    <td>
                      {reached.length === 0 ? (
                        <span className="tag tag-warn">Reaches no segment</span>
                      ) : (
                        reached.map((id) => names.get(id)).join(', ')
                      )}
                    </td>
                    <td>{c.owner || '—'}</td>
                    <td className="num">
                      {c.budget === null ? '—' : formatMoney(c.budget, currency)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="row-actions">
          <SelectField
            label="Kind of new channel"
            value={newKind}
            options={KIND_OPTIONS}
            onChange={setNewKind}
          />
          <button
            type="button"
            className="primary"
            onClick={() => {
              const id = newId('ch');
              if (dispatch(marketingChannels.add({ item: blankChannel(newKind, id) })).ok)
                setSelectedId(id);
            }}
          >
            Add channel
          </button>
        </div>
        <SpendSummary />
      </section>
      {selected && (
        <ChannelEditor
          key={selected.id}
          channel={selected}
          index={channels.indexOf(selected)}
          count={channels.length}
        />
      )}
    </>
  );
}

function CoverageGrid() {
  const dispatch = useDispatch();
  const channels = usePlan((p) => p.launch.marketing.channels);
  const segments = usePlan((p) => p.learners);
  const learners = usePlan((p) => p.learners);
  const launch = usePlan((p) => p.launch);
  const cover = useMemo(() => coverage({ learners, launch }), [learners, launch]);
  return (
    <section className="card" aria-labelledby="coverage-heading" id="coverage">
      <h2 id="coverage-heading">Coverage: which segments each channel reaches</h2>
      {segments.length === 0 || channels.length === 0 ? (
        <p className="section-note">Add learner segments and channels to see the coverage.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table mk-coverage">
            <caption className="visually-hidden">Channels by learner segment</caption>
            <thead>
              <tr>
                <th scope="col">Segment</th>
                {channels.map((c) => (
                  <th scope="col" key={c.id} className="mk-center">
                    {channelName(c)}
                  </th>
                ))}
                <th scope="col" className="num">
                  Channels
                </th>
              </tr>
            </thead>
            <tbody>
              {segments.map((s) => {
                const reaching = cover.bySegment.get(s.id) ?? [];
                return (
                  <tr key={s.id} className={reaching.length === 0 ? 'mk-unreached' : undefined}>
                    <th scope="row">
                      {segmentName(s)}
                      {reaching.length === 0 && (
                        <span className="tag tag-warn">No channel reaches it</span>
                      )}
                    </th>
                    {channels.map((c) => {
                      const on = c.segmentIds.includes(s.id);
                      return (
                        <td key={c.id} className="mk-center">
                          <input
                            type="checkbox"
                            aria-label={`${channelName(c)} reaches ${segmentName(s)}`}
                            checked={on}
                            onChange={(e) =>
                              dispatch(
                                marketingChannels.update({
                                  id: c.id,
                                  patch: {
                                    segmentIds: e.target.checked
                                      ? [...c.segmentIds, s.id]
                                      : c.segmentIds.filter((x) => x !== s.id),
                                  },
                                }),
                              )
                            }
                          />
                        </td>
                      );
                    })}
                    <td className="num" data-testid={`coverage-count-${s.id}`}>
                      {reaching.length}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {cover.unreached.length > 0 ? (
        <p className="warnings" role="note" data-testid="unreached">
          No channel reaches {cover.unreached.map(segmentName).join(', ')}.
        </p>
      ) : segments.length > 0 && channels.length > 0 ? (
        <p className="ok-note">Every segment is reached by at least one channel.</p>
      ) : null}
    </section>
  );
}

// ------------------------------------------------------------ fewest clicks

function FewestClicks() {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const steps = usePlan((p) => p.launch.marketing.journeySteps);
  const target = usePlan((p) => p.launch.marketing.journeyStepsTarget);
  const verdict = journeyVerdict({ journeySteps: steps, journeyStepsTarget: target });
  const ref = useRef<HTMLOListElement>(null);
  const focusLater = useFocusAfterAdd(ref);
  return (
    <section className="card" aria-labelledby="journey-heading" id="journey">
      <h2 id="journey-heading">Fewest clicks to start</h2>
      <p className="section-note">
        Every step between the invitation and the first lesson loses learners. List them as a
        learner meets them, and keep the list short.
      </p>
      {steps.length > 0 && (
        <ol className="mk-list" ref={ref}>
          {steps.map((step, index) => {
            const name = `step ${index + 1}`;
            return (
              <li key={index} data-step={index}>
                <InlineText
                  label={`Wording of ${name}`}
                  value={step}
                  onChange={(text) => dispatch(updateJourneyStep({ index, text }))}
                  onBlur={seal}
                />
                <OrderButtons
                  name={name}
                  index={index}
                  count={steps.length}
                  onMove={(to) => dispatch(moveJourneyStep({ from: index, to }))}
                  onRemove={() => dispatch(removeJourneyStep({ index }))}
                />
              </li>
            );
          })}
        </ol>
      )}
      <div className="row-actions">
        <button
          type="button"
          onClick={() => {
            if (dispatch(addJourneyStep({ text: '' })).ok)
              focusLater(`[data-step="${steps.length}"] input`);
          }}
        >
          Add step
        </button>
        <NumberField
          label="Target: most steps"
          value={target}
          integer
          required
          min={1}
          max={100}
          onChange={(value) => {
            if (value !== null) dispatch(setJourneyTarget({ target: value }));
          }}
          onBlur={seal}
        />
      </div>
      <p
        className={verdict.withinTarget ? 'ok-note' : 'warnings'}
        role="status"
        data-testid="journey-verdict"
      >
        {verdict.text}
      </p>
    </section>
  );
}

// ------------------------------------------------------------ stories

function StoryEditor({
  story,
  index,
  count,
}: {
  story: LearnerStory;
  index: number;
  count: number;
}) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const segments = usePlan((p) => p.learners);
  const update = (patch: Partial<LearnerStory>) =>
    dispatch(learnerStories.update({ id: story.id, patch }));
  const name = `story ${index + 1}`;
  const segmentOptions = [
    { value: '', label: 'Any segment' },
    ...segments.map((s) => ({ value: s.id, label: segmentName(s) })),
  ];
  return (
    <li
      className={`mk-story ${story.consentGiven ? '' : 'mk-no-consent'}`}
      data-story={story.id}
      aria-label={`Learner story: ${story.title || name}`}
    >
      <div className="card-title-row">
        <h3>{story.title || 'Untitled story'}</h3>
        {story.consentGiven ? (
          <span className="tag tag-ok">Consent recorded</span>
        ) : (
          <span className="tag tag-warn">No consent: never exported</span>
        )}
        <OrderButtons
          name={name}
          index={index}
          count={count}
          onMove={(to) => dispatch(learnerStories.move({ id: story.id, to }))}
          onRemove={() => dispatch(learnerStories.remove({ ids: [story.id] }))}
        />
      </div>
      <div className="mk-grid">
        <TextField
          label={`Title of ${name}`}
          value={story.title}
          onChange={(title) => update({ title })}
          onBlur={seal}
        />
        <SelectField
          label={`Segment of ${name}`}
          value={story.segmentId ?? ''}
          options={segmentOptions}
          onChange={(id) => update({ segmentId: id || null })}
        />
      </div>
      <TextAreaField
        label={`Story ${index + 1}`}
        value={story.summary}
        rows={3}
        onChange={(summary) => update({ summary })}
        onBlur={seal}
      />
      <fieldset className="mk-consent">
        <legend>Consent</legend>
        <label className="check">
          <input
            type="checkbox"
            checked={story.consentGiven}
            onChange={(e) => update({ consentGiven: e.target.checked })}
          />
          The learner agreed in writing to this story being used
        </label>
        <div className="mk-grid">
          <DateField
            label={`Consent date of ${name}`}
            value={story.consentDate}
            onChange={(consentDate) => update({ consentDate })}
          />
          <TextField
            label={`Where consent is recorded for ${name}`}
            hint="A form reference, not the learner’s contact details."
            value={story.consentNote}
            onChange={(consentNote) => update({ consentNote })}
            onBlur={seal}
          />
        </div>
      </fieldset>
      {looksLikeContactDetails(story.consentNote) && (
        <p className="warnings" role="note">
          This looks like an e-mail address or a phone number. Say where the consent form is kept
          instead: the learner’s contact details do not belong in the plan.
        </p>
      )}
      {!story.consentGiven && (
        <p className="warnings" role="note">
          Without consent this story stays in the plan only: it is left out of every Word and Excel
          export.
        </p>
      )}
    </li>
  );
}

function Stories() {
  const dispatch = useDispatch();
  const stories = usePlan((p) => p.launch.marketing.stories);
  const ref = useRef<HTMLUListElement>(null);
  const focusLater = useFocusAfterAdd(ref);
  return (
    <section className="card" aria-labelledby="stories-heading" id="stories">
      <div className="card-title-row">
        <h2 id="stories-heading">Learner stories</h2>
        <button
          type="button"
          onClick={() => {
            const id = newId('story');
            if (dispatch(learnerStories.add({ item: blankStory(id) })).ok)
              focusLater(`[data-story="${CSS.escape(id)}"] input[type="text"]`);
          }}
        >
          Add story
        </button>
      </div>
      <p className="section-note">
        Real stories from learners like them persuade more than any advert. Record where the
        learner’s written consent is kept; a story without it is never exported.
      </p>
      {stories.length > 0 && (
        <ul className="mk-stories" ref={ref}>
          {stories.map((s, i) => (
            <StoryEditor key={s.id} story={s} index={i} count={stories.length} />
          ))}
        </ul>
      )}
    </section>
  );
}

// ------------------------------------------------------------ funnel

function FunnelCell(props: {
  stage: FunnelStage['stage'];
  stageLabel: string;
  segmentId: string | null;
  who: string;
  row: FunnelStage | undefined;
}) {
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const set = (field: FunnelField) => (text: string) =>
    dispatch(setFunnelCell({ stage: props.stage, segmentId: props.segmentId, field, text }));
  return (
    <td className="mk-funnel-cell">
      <label>
        <span className="mk-cell-label">Touchpoints</span>
        <span className="visually-hidden">
          , {props.stageLabel}, {props.who}
        </span>
        <textarea
          rows={3}
          maxLength={20_000}
          value={props.row?.touchpoints ?? ''}
          onChange={(e) => set('touchpoints')(e.target.value)}
          onBlur={seal}
        />
      </label>
      <label>
        <span className="mk-cell-label">Content</span>
        <span className="visually-hidden">
          , {props.stageLabel}, {props.who}
        </span>
        <textarea
          rows={3}
          maxLength={20_000}
          value={props.row?.content ?? ''}
          onChange={(e) => set('content')(e.target.value)}
          onBlur={seal}
        />
      </label>
    </td>
  );
}

function Funnel() {
  const dispatch = useDispatch();
  const learners = usePlan((p) => p.learners);
  const launch = usePlan((p) => p.launch);
  const funnel = launch.marketing.funnel;
  const withRows = useMemo(() => funnelSegments({ learners, launch }), [learners, launch]);
  const [extra, setExtra] = useState<string[]>([]);
  const columns = [
    ...withRows,
    ...learners.filter((s) => extra.includes(s.id) && !withRows.includes(s)),
  ];
  const addable = learners.filter((s) => !columns.includes(s));
  const [toAdd, setToAdd] = useState('');
  const scene = useMemo(() => funnelScene({ learners, launch }), [learners, launch]);
  return (
    <section className="card" aria-labelledby="funnel-heading" id="funnel">
      <h2 id="funnel-heading">Learner journey funnel</h2>
      <p className="section-note">
        The touchpoints where learners meet the program and the content they see at each stage. Fill
        in the column for everyone; add a segment’s own column where its journey differs.
      </p>
      <div className="table-scroll">
        <table className="data-table mk-funnel-table">
          <caption className="visually-hidden">
            Touchpoints and content by stage and segment
          </caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Everyone</th>
              {columns.map((s) => (
                <th scope="col" key={s.id}>
                  {segmentName(s)}{' '}
                  <button
                    type="button"
                    className="subtle danger-text"
                    aria-label={`Remove the journey column for ${segmentName(s)}`}
                    onClick={() => {
                      setExtra((e) => e.filter((id) => id !== s.id));
                      if (funnel.some((r) => r.segmentId === s.id))
                        dispatch(removeFunnelSegment({ segmentId: s.id }));
                    }}
                  >
                    Remove
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FUNNEL_STAGES.map(({ stage, label, hint }) => (
              <tr key={stage}>
                <th scope="row">
                  {label}
                  <span className="field-hint">{hint}</span>
                </th>
                <FunnelCell
                  stage={stage}
                  stageLabel={label}
                  segmentId={null}
                  who="everyone"
                  row={funnelRow(funnel, stage, null)}
                />
                {columns.map((s) => (
                  <FunnelCell
                    key={s.id}
                    stage={stage}
                    stageLabel={label}
                    segmentId={s.id}
                    who={segmentName(s)}
                    row={funnelRow(funnel, stage, s.id)}
                  />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {addable.length > 0 && (
        <div className="row-actions">
          <SelectField
            label="Segment with a journey of its own"
            value={toAdd}
            options={[
              { value: '', label: 'Choose a segment' },
              ...addable.map((s) => ({ value: s.id, label: segmentName(s) })),
            ]}
            onChange={setToAdd}
          />
          <button
            type="button"
            disabled={!toAdd}
            onClick={() => {
              setExtra((e) => [...e, toAdd]);
              setToAdd('');
            }}
          >
            Add segment column
          </button>
        </div>
      )}
      <figure className="mk-funnel-figure" aria-label="Learner journey funnel figure">
        <SceneSvg scene={scene} />
        <figcaption>The learner journey as it appears in the Word export.</figcaption>
      </figure>
    </section>
  );
}

// ------------------------------------------------------------ section

/** The Marketing plan section. */
export function MarketingSection() {
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  // A Plan health finding names a story, a channel, a segment or the journey: bring it into view.
  useEffect(() => {
    if (!focus) return;
    const target =
      document.querySelector<HTMLElement>(`[data-story="${CSS.escape(focus)}"]`) ??
      (document.getElementById(focus) ||
        (focus.startsWith('seg') ? document.getElementById('coverage') : null) ||
        document.getElementById('channel-editor'));
    target?.scrollIntoView({ block: 'start' });
  }, [focus]);
  return (
    <div className="section-body content-section marketing-section">
      <header className="section-header">
        <h1>Marketing plan</h1>
        <p className="lead">
          How learners will hear about the program and take the first step: the channels that reach
          each segment and what they cost, a short path from invitation to first lesson, real
          stories told with consent, and the journey from awareness to telling friends.
        </p>
      </header>
      <Channels focus={focus} />
      <CoverageGrid />
      <FewestClicks />
      <Stories />
      <Funnel />
      <Toolkit />
    </div>
  );
}
