/**
 * Plain-language descriptions of what is wrong in a plan file, for people
 * who have never seen its JSON: where (section, item and field in words)
 * and what (what the field should hold and what it holds instead), e.g.
 *
 *   Theory of change › element 3 “Host hiring fairs” › title: missing (it should be text)
 *
 * instead of zod's `theoryOfChange.nodes[2].title: Invalid input: expected
 * string, received undefined`. Pure; never throws.
 */
import type { z } from 'zod';
import { clipText } from '../text-length';

/** The plan's sections as the app names them. */
const SECTIONS: Record<string, string> = {
  objective: 'Objective',
  theoryOfChange: 'Theory of change',
  logicModel: 'Logic model',
  indicators: 'Indicators',
  budget: 'Budget',
  stakeholders: 'Stakeholders & partners',
  learners: 'Learners',
  content: 'Content',
  launch: 'Launch',
  manage: 'Manage',
  skillsMap: 'Skills map',
};

/** One entry of a list, named by the list's key. */
const ENTRY_NAMES: Record<string, string> = {
  nodes: 'element',
  links: 'link',
  items: 'item',
  entries: 'stakeholder',
  learners: 'segment',
  indicators: 'indicator',
  catalog: 'catalog item',
  decisions: 'decision',
  pathways: 'pathway',
  steps: 'step',
  criteria: 'criterion',
  raters: 'rater',
  actions: 'action',
  checkpoints: 'checkpoint',
  snapshots: 'snapshot',
  history: 'position',
  incentives: 'incentive',
  personas: 'persona',
  checklist: 'checklist item',
  communications: 'communication',
  channels: 'channel',
  funnel: 'funnel stage',
  stories: 'story',
  kpis: 'KPI',
  actuals: 'actual',
  lines: 'budget line',
  assumptions: 'assumption',
  skills: 'skill',
  languages: 'language',
};

/** Field names whose words read oddly when split from camelCase. */
const FIELD_NAMES: Record<string, string> = {
  schemaVersion: 'plan format version',
  id: 'id',
  createdAt: 'created at',
  updatedAt: 'updated at',
};

/** "targetDate" → "target date". */
function words(key: string): string {
  return FIELD_NAMES[key] ?? key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

/** A short quote of an entry's own name, if it has one. */
function entryTitle(value: unknown): string {
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  for (const key of ['title', 'name', 'text', 'label']) {
    const text = Object.hasOwn(record, key) ? record[key] : undefined;
    if (typeof text === 'string' && text.trim()) return ` “${clipText(text.trim(), 40)}”`;
  }
  return '';
}

/** Where the issue is, in words: section › entry › field. */
export function describePath(path: readonly PropertyKey[], root: unknown): string {
  const parts: string[] = [];
  let value: unknown = root;
  let parentKey = '';
  path.forEach((part, i) => {
    const next =
      typeof value === 'object' && value !== null && Object.hasOwn(value, part)
        ? (value as Record<PropertyKey, unknown>)[part]
        : undefined;
    if (typeof part === 'number') {
      const noun = ENTRY_NAMES[parentKey] ?? 'entry';
      parts.push(`${noun} ${part + 1}${entryTitle(next)}`);
    } else {
      const key = String(part);
      if (i === 0 && SECTIONS[key]) parts.push(SECTIONS[key]);
      // A list's key is said by its entries ("element 3"), unless the list itself is wrong.
      else if (!(ENTRY_NAMES[key] && typeof path[i + 1] === 'number')) parts.push(words(key));
      parentKey = key;
    }
    value = next;
  });
  return parts.join(' › ') || 'The file';
}

/** What a value is, in words: "missing", "the number 12", "a list"… */
function describeValue(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'empty (null)';
  if (typeof value === 'string')
    return value === '' ? 'empty text' : `the text “${clipText(value, 40)}”`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a group of fields';
}

/** What zod expected, in words. */
function expectedWords(expected: string): string {
  const known: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a group of fields',
    record: 'a group of fields',
    date: 'a date',
    null: 'empty (null)',
  };
  return known[expected] ?? expected;
}

function valueAt(path: readonly PropertyKey[], root: unknown): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) {
      return undefined;
    }
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function bound(issue: { minimum?: unknown; maximum?: unknown; origin?: string }, min: boolean) {
  const limit = Number(min ? issue.minimum : issue.maximum);
  const amount = min ? 'at least' : 'at most';
  switch (issue.origin) {
    case 'string':
      return `should have ${amount} ${limit} ${limit === 1 ? 'character' : 'characters'}`;
    case 'array':
    case 'set':
      return `should have ${amount} ${limit} ${limit === 1 ? 'entry' : 'entries'}`;
    default:
      return `should be ${amount} ${limit}`;
  }
}

/** What is wrong with the value, in words. */
function describeProblem(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedWords(String(issue.expected));
      return value === undefined
        ? `missing (it should be ${expected})`
        : `should be ${expected}, but it is ${describeValue(value)}`;
    }
    case 'too_small':
      return `${bound(issue, true)}; it is ${describeValue(value)}`;
    case 'too_big':
      return `${bound(issue, false)}; it is ${clipText(describeValue(value), 60)}`;
    case 'invalid_value': {
      const choices = issue.values.slice(0, 8).map((v) => `“${String(v)}”`);
      if (issue.values.length > choices.length) choices.push('…');
      return `${describeValue(value)} is not one of the accepted values (${choices.join(', ')})`;
    }
    case 'invalid_format': {
      const form =
        issue.format === 'date'
          ? 'a date like 2026-01-15'
          : issue.format === 'datetime'
            ? 'a date and time like 2026-01-15T09:30:00Z'
            : `the ${issue.format} form`;
      return `should be ${form}, but it is ${describeValue(value)}`;
    }
    case 'not_multiple_of':
      return `should be a multiple of ${String(issue.divisor)}; it is ${describeValue(value)}`;
    case 'unrecognized_keys':
      return `has fields the app does not know: ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return `is not in any of the accepted forms; it is ${describeValue(value)}`;
    case 'invalid_key':
      return 'has a field name that is not accepted';
    case 'invalid_element':
      return 'has an entry that is not accepted';
    default:
      return issue.message;
  }
}

/**
 * One line for one schema issue: where it is, in the app's words, and what
 * is wrong. `root` is the document that was checked (after migration), read
 * to name entries by their title and to say what a field holds.
 */
export function describePlanIssue(issue: z.core.$ZodIssue, root: unknown): string {
  const where = describePath(issue.path, root);
  return `${where}: ${describeProblem(issue, valueAt(issue.path, root))}`;
}
