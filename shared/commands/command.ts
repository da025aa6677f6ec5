/**
 * Plan edits as named commands (after excalidraw's actions and tldraw's
 * history marks). A command is plain data — `{ type, args }` — so it can be
 * logged, sent between windows or replayed; its definition says what the
 * step is called, how consecutive steps merge (typing, a drag), where the
 * change is seen, and how it changes a draft of the plan, cascades included
 * (what else changes when something is deleted). Components dispatch
 * commands; nothing else changes a plan.
 */
import { produce } from 'immer';
import { englishTranslator } from '../i18n/english';
import { formatFor, type Format } from '../i18n/format';
import { isLanguage } from '../i18n/languages';
import type { Catalog, Translator } from '../i18n/translator';
import type { Plan } from '../plan/schema';
import type { PlanLocation } from '../plan/sections';
import { clipText } from '../text-length';

/** A plan edit as plain data: which command, with which arguments (JSON-compatible). */
export interface Command<A = unknown> {
  readonly type: string;
  readonly args: A;
}

/** What a command is and does. */
export interface CommandDefinition<A> {
  /** Unique name, `area.verb` (e.g. `stakeholder.update`). */
  readonly type: string;
  /**
   * The step's name in Undo/Redo and notices ("Edit name of “Chamber of
   * Commerce”"), from the plan before, in `t`'s language (English by default).
   */
  label(args: A, plan: Plan, t?: Translator): string;
  /**
   * Coalescing policy: consecutive steps with the same non-null key merge
   * into one undo step while it stays open (until a blur, a pointer up or
   * 1.5 s of quiet). Omitted: every dispatch is its own step.
   */
  coalesce?(args: A): string | null;
  /** Where the change is seen. */
  locate(args: A, plan: Plan): PlanLocation;
  /**
   * Changes a draft (immer) of the plan, with every cascade, or returns a
   * whole new plan. Must be deterministic: ids and timestamps come in
   * `args`. Throws `CommandRefusal` (nothing changes) when the edit is not
   * allowed.
   */
  apply(draft: Plan, args: A): void | Plan;
}

/** A command factory: `addStakeholder(args)` → `{ type: 'stakeholder.add', args }`. */
export type CommandFactory<A> = ((args: A) => Command<A>) & {
  readonly definition: CommandDefinition<A>;
};

/** A refusal message in the `commands` catalog (`refusals.<name>`). */
export type RefusalName = keyof Catalog['commands']['refusals'];
/** A value put into a refusal message; a function words it in the message's language (a kind of item). */
export type RefusalValue = string | number | ((t: Translator) => string);

/** A refusal's words: a message of the `commands` catalog and its values. */
export interface RefusalText {
  readonly name: RefusalName;
  readonly values?: Readonly<Record<string, RefusalValue>>;
}

/**
 * A refused edit; `message` says why, in English (logs, tests). `text`, when
 * given, is the same message in the catalogs, so the UI words it in its
 * language (`refusalReason`); make those with `CommandRefusal.of`.
 */
export class CommandRefusal extends Error {
  override readonly name = 'CommandRefusal';
  readonly text: RefusalText | undefined;

  constructor(message: string, text?: RefusalText) {
    super(message);
    this.text = text;
  }

  /** A refusal worded by `commands:refusals.<name>` (its `message` is the English). */
  static of(name: RefusalName, values?: RefusalText['values']): CommandRefusal {
    const text = { name, values };
    return new CommandRefusal(wordRefusal(text, englishTranslator), text);
  }
}

function wordRefusal({ name, values = {} }: RefusalText, t: Translator): string {
  const worded: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(values))
    worded[key] = typeof value === 'function' ? value(t) : value;
  return t(`commands:refusals.${name}`, worded);
}

/** Why an edit was refused, in `t`'s language when the refusal has catalog words (else its English message). */
export function refusalReason(refusal: CommandRefusal, t: Translator = englishTranslator): string {
  return refusal.text ? wordRefusal(refusal.text, t) : refusal.message;
}

const registry = new Map<string, CommandDefinition<never>>();

/**
 * Defines and registers a command; throws if the type is already taken. Its
 * step names put titles in the quotes of `t`'s language («…» in Spanish).
 */
export function defineCommand<A>(spec: CommandDefinition<A>): CommandFactory<A> {
  if (registry.has(spec.type)) {
    throw new Error(`The command "${spec.type}" is defined twice.`);
  }
  const definition: CommandDefinition<A> = {
    ...spec,
    label: (args, plan, t = englishTranslator) => requote(spec.label(args, plan, t), t),
  };
  registry.set(definition.type, definition as CommandDefinition<never>);
  const factory = (args: A): Command<A> => ({ type: definition.type, args });
  return Object.assign(factory, { definition });
}

/** The definition of a registered command type (throws for an unknown type). */
export function commandDefinition(type: string): CommandDefinition<unknown> {
  const definition = registry.get(type);
  if (!definition) throw new Error(`Unknown command "${type}".`);
  return definition as CommandDefinition<unknown>;
}

/** Every registered command type (for tests and tooling). */
export function registeredCommandTypes(): string[] {
  return [...registry.keys()].sort();
}

/** The result of running a command on a plan. */
export type CommandOutcome =
  | {
      readonly ok: true;
      /** The new plan (the same object when nothing changed). */
      readonly plan: Plan;
      readonly label: string;
      readonly coalesceKey: string | null;
      readonly location: PlanLocation;
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Runs a command on a plan without changing it: returns the new plan
 * (structural sharing), or the reason it was refused — its step name and
 * reason in `t`'s language (English by default).
 */
export function runCommand(
  plan: Plan,
  command: Command,
  t: Translator = englishTranslator,
): CommandOutcome {
  const definition = commandDefinition(command.type);
  try {
    const next = produce(plan, (draft) => definition.apply(draft as Plan, command.args));
    return {
      ok: true,
      plan: next,
      label: definition.label(command.args, plan, t),
      coalesceKey: definition.coalesce?.(command.args) ?? null,
      location: definition.locate(command.args, plan),
    };
  } catch (error) {
    if (error instanceof CommandRefusal) return { ok: false, reason: refusalReason(error, t) };
    throw error;
  }
}

/**
 * A step name with the titles `quoted` put in English quotes (“…”) in the
 * quotes of `t`'s language (`commands:quoted`); English names are unchanged.
 */
function requote(label: string, t: Translator): string {
  if (formatIn(t).language === 'en') return label;
  return label.replace(/“([^“”]*)”/g, (_quote, text: string) => t('commands:quoted', { text }));
}

/** Numbers and dates written the way `t`'s language writes them (English for a translator without a language). */
export function formatIn(t: Translator): Format {
  const language = (t as unknown as { lng?: unknown }).lng;
  return formatFor(isLanguage(language) ? language : 'en');
}

/**
 * A calendar date (YYYY-MM-DD) in a step name: as stored in English (the
 * names English tests and logs have always read), written out in the
 * other languages ("2 de julio de 2027").
 */
export function stepDate(t: Translator, iso: string): string {
  const format = formatIn(t);
  return format.language === 'en' ? iso : format.date(iso, iso);
}

/** A number in a step name: as typed in English, in the language's digits and separators otherwise. */
export function stepNumber(t: Translator, value: number): string {
  const format = formatIn(t);
  return format.language === 'en' ? String(value) : format.number(value, 6);
}

/** “Title” in curly quotes, shortened to `max` characters; '' for an empty title. */
export function quoted(title: string | null | undefined, max = 60): string {
  const text = (title ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return '';
  return `“${clipText(text, max)}”`;
}
