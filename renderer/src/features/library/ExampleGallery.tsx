/**
 * "New plan": start from a blank plan or from one of the bundled worked
 * examples (issue 15). Each example is a card saying what program it is, the
 * language it is written in and what it shows; adding one puts a copy in the
 * library with its dates moved ahead of today and its synthetic roster of fake
 * learners, then opens it. Keyboard: Tab moves between the cards' buttons,
 * Enter or Space adds, Escape closes.
 */
import { useId, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import {
  EXAMPLE_LANGUAGE_NAMES,
  EXAMPLE_PLANS,
  examplePlan,
  type ExamplePlan,
} from '../../../../shared/plan/examples';
import { createFromExample, createPlan } from '../../app/workbench';
import './example-gallery.css';

/** "Spanish (Español)", or "English". */
function LanguageName({ language }: { language: ExamplePlan['language'] }) {
  const { english, native } = EXAMPLE_LANGUAGE_NAMES[language];
  if (english === native) return <>{english}</>;
  return (
    <>
      {english} (
      <span lang={language} dir="auto">
        {native}
      </span>
      )
    </>
  );
}

function ExampleCard({
  example,
  busy,
  onAdd,
}: {
  example: ExamplePlan;
  busy: string | null;
  onAdd: (id: string) => void;
}) {
  const titleId = useId();
  const summaryId = useId();
  const original = example.translationOf ? examplePlan(example.translationOf) : undefined;
  return (
    <li className="example-card" aria-labelledby={titleId}>
      <h3 id={titleId} className="example-card-title" lang={example.language} dir="auto">
        {example.title}
      </h3>
      <p className="example-card-language">
        <span className="example-card-badge">
          <LanguageName language={example.language} />
        </span>
        {original && (
          <span className="example-card-translation"> Translation of “{original.title}”</span>
        )}
      </p>
      <p id={summaryId} className="example-card-summary">
        {example.summary}
      </p>
      <p className="example-card-shows-title">Shows</p>
      <ul className="example-card-shows">
        {example.shows.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <div className="example-card-actions">
        <button
          type="button"
          className="primary"
          disabled={busy !== null}
          aria-describedby={summaryId}
          aria-label={`Add the example “${example.title}” to your library`}
          onClick={() => onAdd(example.id)}
        >
          {busy === example.id ? 'Adding…' : 'Add to library'}
        </button>
      </div>
    </li>
  );
}

/** The "New plan" gallery: a blank plan or a worked example. */
export function ExampleGallery({ onClose }: { onClose: () => void }) {
  const [busy, setBusy] = useState<string | null>(null);
  const blankId = useId();
  const add = (id: string) => {
    setBusy(id);
    void createFromExample(id).then((added) => {
      if (added) onClose();
      else setBusy(null);
    });
  };
  const blank = () => {
    setBusy('blank');
    void createPlan().then(onClose);
  };
  return (
    <Dialog
      title="New plan"
      onClose={onClose}
      actions={
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      }
    >
      <div className="example-gallery">
        <p className="example-gallery-lead">
          Start blank, or from a worked example: a copy whose dates are moved ahead of today, with a
          synthetic roster of fake learners so that its Launch and Manage sections have data.
        </p>
        <ul className="example-gallery-list" aria-label="Ways to start a plan">
          <li className="example-card example-card-blank" aria-labelledby={blankId}>
            <div>
              <h3 id={blankId} className="example-card-title">
                Blank plan
              </h3>
              <p className="example-card-summary">
                Every section empty, with the six standard onboarding steps ready to date.
              </p>
            </div>
            <div className="example-card-actions">
              <button
                type="button"
                data-autofocus
                disabled={busy !== null}
                onClick={blank}
                aria-label="Start a blank plan"
              >
                {busy === 'blank' ? 'Creating…' : 'Start blank'}
              </button>
            </div>
          </li>
          {EXAMPLE_PLANS.map((example) => (
            <ExampleCard key={example.id} example={example} busy={busy} onAdd={add} />
          ))}
        </ul>
      </div>
    </Dialog>
  );
}
