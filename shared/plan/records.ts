/**
 * A plan as a set of small records, so storage writes only what an edit
 * changed (tldraw's `storeChanges` idea): one record for the plan's header,
 * one per section without its long lists, one per list for its order, and
 * the list elements (catalog items, theory-of-change elements,
 * stakeholders…) in buckets by a hash of their key. Buckets, not one record
 * per element: IndexedDB's cost is per record (50,000 catalog items take ~9 s
 * to write one per record, ~0.4 s in 256 buckets), while an edit of one
 * element rewrites only its bucket (1/256 of the list). Plans are immutable
 * values updated with structural sharing, so what changed is found by object
 * identity, visiting only branches that differ.
 *
 * Record keys:
 * - `m`                 header: schemaVersion, id, name, dates, unknown top-level fields
 * - `s:<section>`       a section without its lists (lists hold `null` placeholders)
 * - `o:<list>`          the order of a list, as element keys
 * - `b:<list>:<n>`      bucket n (0–255) of a list: the keys and elements that fall in it
 * where `<list>` is a dotted path such as `content.catalog`, and an element's
 * key is its id (or NUL + its index for an element without a unique usable id).
 */
import type { Plan } from './schema';

/** The lists stored element by element: `[section]` for a top-level list, `[section, field]` otherwise. */
export const PLAN_LISTS = [
  ['theoryOfChange', 'nodes'],
  ['theoryOfChange', 'links'],
  ['logicModel', 'items'],
  ['logicModel', 'links'],
  ['indicators'],
  ['stakeholders', 'entries'],
  ['stakeholders', 'checkpoints'],
  ['stakeholders', 'snapshots'],
  ['learners'],
  ['content', 'catalog'],
  ['content', 'decisions'],
  ['content', 'pathways'],
  ['launch', 'checklist'],
  ['launch', 'communications'],
  ['manage', 'engagement'],
  ['manage', 'followUps'],
  ['manage', 'kpis'],
  ['manage', 'cohorts'],
  ['manage', 'reviews'],
  ['skillsMap', 'holders'],
  ['skillsMap', 'skills'],
  ['skillsMap', 'assessments'],
  ['skillsMap', 'capabilities'],
] as const satisfies readonly (readonly [keyof Plan] | readonly [keyof Plan, string])[];

/** The plan's sections (top-level fields that are objects or lists). */
export const PLAN_SECTION_KEYS = [
  'objective',
  'theoryOfChange',
  'logicModel',
  'indicators',
  'stakeholders',
  'learners',
  'content',
  'launch',
  'manage',
  'skillsMap',
] as const satisfies readonly (keyof Plan)[];

/** One stored record: its key and its value (`undefined` = the record is deleted). */
export interface PlanRecord {
  readonly key: string;
  readonly value: unknown;
}

/** A record that differs between two versions of a plan. */
export interface RecordChange {
  readonly key: string;
  /** Value in the older version (`undefined`: the record did not exist). */
  readonly before: unknown;
  /** Value in the newer version (`undefined`: the record no longer exists). */
  readonly after: unknown;
}

type Json = Record<string, unknown>;
type SectionKey = (typeof PLAN_SECTION_KEYS)[number];

const HEADER_KEY = 'm';
const SECTION_SET: ReadonlySet<string> = new Set(PLAN_SECTION_KEYS);

/** List fields of each section (`''` for a section that is itself a list). */
const LISTS_BY_SECTION = new Map<string, string[]>();
for (const [section, field] of PLAN_LISTS as readonly (readonly string[])[]) {
  const fields = LISTS_BY_SECTION.get(section!) ?? [];
  fields.push(field ?? '');
  LISTS_BY_SECTION.set(section!, fields);
}

function listPath(section: string, field: string): string {
  return field ? `${section}.${field}` : section;
}

/** An element's own key: its id, if it is a string that cannot be mistaken for an index key. */
function idOf(element: unknown): string | null {
  const id = (element as { id?: unknown } | null)?.id;
  return typeof id === 'string' && id.length > 0 && id.charCodeAt(0) !== 0 ? id : null;
}

/** The key of an element that has no unique usable id: NUL and its index (ids never start with NUL). */
function indexKey(index: number): string {
  return `\u0000${index}`;
}

/** The keys of a list; their set and their buckets are built only when asked for. */
interface KeyIndex {
  readonly keys: readonly string[];
  /** True when some element is keyed by its position (no unique usable id). */
  readonly byPosition: boolean;
  set: Set<string> | null;
  buckets: Uint8Array | null;
}

/** Buckets per list (a stored format constant: changing it needs a database migration). */
export const LIST_BUCKETS = 256;

/** The bucket of an element key: FNV-1a over its UTF-16 code units (stable across runs). */
export function bucketOf(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % LIST_BUCKETS;
}

/**
 * Elements visited between two pauses of a diff run in slices (a few
 * milliseconds of hashing and set look-ups on a slow laptop).
 */
export const DIFF_SLICE = 4000;

/**
 * Counts work in a generator and says when to pause: `if (meter.tick()) yield;`
 * once per element visited.
 */
class SliceMeter {
  private left = DIFF_SLICE;
  tick(): boolean {
    if (--this.left > 0) return false;
    this.left = DIFF_SLICE;
    return true;
  }
}

/** Runs a slice generator to its end at once and returns its result. */
function finish<T>(slices: Generator<void, T>): T {
  for (;;) {
    const step = slices.next();
    if (step.done) return step.value;
  }
}

function* bucketsOfIn(index: KeyIndex, meter: SliceMeter): Generator<void, Uint8Array> {
  if (!index.buckets) {
    const buckets = new Uint8Array(index.keys.length);
    for (let i = 0; i < buckets.length; i++) {
      buckets[i] = bucketOf(index.keys[i]!);
      if (meter.tick()) yield;
    }
    index.buckets = buckets;
  }
  return index.buckets;
}

function bucketsOf(index: KeyIndex): Uint8Array {
  return finish(bucketsOfIn(index, new SliceMeter()));
}

/**
 * A bucket's record value: the keys and elements of the list that fall in
 * that bucket, in list order (two arrays, not pairs: fewer objects to make
 * and to store). Which order does not matter — the list's order record
 * decides — so a reorder rewrites only the order record.
 */
interface Bucket {
  keys: string[];
  elements: unknown[];
}

/** The given buckets of a list, in one pass over it (missing: the bucket is empty). */
function* bucketsForIn(
  list: readonly unknown[],
  wanted: ReadonlySet<number>,
  meter: SliceMeter,
): Generator<void, Map<number, Bucket>> {
  const index = yield* keyIndexIn(list, meter);
  const buckets = yield* bucketsOfIn(index, meter);
  const result = new Map<number, Bucket>();
  for (let i = 0; i < buckets.length; i++) {
    if (meter.tick()) yield;
    const n = buckets[i]!;
    if (!wanted.has(n)) continue;
    let bucket = result.get(n);
    if (!bucket) result.set(n, (bucket = { keys: [], elements: [] }));
    bucket.keys.push(index.keys[i]!);
    bucket.elements.push(list[i]);
  }
  return result;
}

function bucketsFor(list: readonly unknown[], wanted: ReadonlySet<number>): Map<number, Bucket> {
  return finish(bucketsForIn(list, wanted, new SliceMeter()));
}

function isBucket(value: unknown): value is Bucket {
  const b = value as Bucket | null;
  return (
    typeof b === 'object' &&
    b !== null &&
    Array.isArray(b.keys) &&
    Array.isArray(b.elements) &&
    b.keys.length === b.elements.length
  );
}

// Plans are immutable, so a list's keys are computed once per list object:
// the list saved last time is the `before` of the next save, for free.
const keyCache = new WeakMap<readonly unknown[], KeyIndex>();

function* keyIndexIn(list: readonly unknown[], meter: SliceMeter): Generator<void, KeyIndex> {
  let index = keyCache.get(list);
  if (!index) {
    const set = new Set<string>();
    const keys = new Array<string>(list.length);
    let byPosition = false;
    for (let i = 0; i < list.length; i++) {
      const id = idOf(list[i]);
      let key = id;
      if (key === null || set.has(key)) {
        key = indexKey(i);
        byPosition = true;
      }
      set.add(key);
      keys[i] = key;
      if (meter.tick()) yield;
    }
    // (Another slice run may have cached the same list meanwhile: either is right.)
    index = keyCache.get(list) ?? { keys, byPosition, set, buckets: null };
    keyCache.set(list, index);
  }
  return index;
}

function keyIndex(list: readonly unknown[]): KeyIndex {
  return finish(keyIndexIn(list, new SliceMeter()));
}

function* keySetIn(index: KeyIndex, meter: SliceMeter): Generator<void, Set<string>> {
  if (!index.set) {
    const set = new Set<string>();
    for (const key of index.keys) {
      set.add(key);
      if (meter.tick()) yield;
    }
    index.set ??= set;
  }
  return index.set;
}

/** Keys of a list's elements, in order: the id, or NUL + index without a unique usable id. */
export function elementKeys(list: readonly unknown[]): readonly string[] {
  return keyIndex(list).keys;
}

function sectionValue(plan: Plan, section: string): unknown {
  return (plan as unknown as Json)[section];
}

function listOf(plan: Plan, section: string, field: string): readonly unknown[] {
  const value = sectionValue(plan, section);
  const list = field ? (value as Json | undefined)?.[field] : value;
  return Array.isArray(list) ? list : [];
}

/** The header record: the plan with each section replaced by a `null` placeholder. */
function headerOf(plan: Plan): Json {
  const header: Json = {};
  for (const [key, value] of Object.entries(plan))
    header[key] = SECTION_SET.has(key) ? null : value;
  return header;
}

/** A section's record: the section with each of its lists replaced by a `null` placeholder. */
function sectionRestOf(section: string, value: unknown): Json | null {
  const fields = LISTS_BY_SECTION.get(section);
  if (!fields) return (value ?? {}) as Json; // no lists: the section is its own record
  if (fields[0] === '') return null; // the section is a list itself
  const rest: Json = {};
  for (const [key, v] of Object.entries((value ?? {}) as Json)) {
    rest[key] = fields.includes(key) ? null : v;
  }
  return rest;
}

/** Every record of a plan (for a first save, an import or a migration). */
export function planToRecords(plan: Plan): PlanRecord[] {
  const records: PlanRecord[] = [{ key: HEADER_KEY, value: headerOf(plan) }];
  for (const section of PLAN_SECTION_KEYS) {
    const rest = sectionRestOf(section, sectionValue(plan, section));
    if (rest) records.push({ key: `s:${section}`, value: rest });
    for (const field of LISTS_BY_SECTION.get(section) ?? []) {
      const path = listPath(section, field);
      const list = listOf(plan, section, field);
      const index = keyIndex(list);
      records.push({ key: `o:${path}`, value: index.keys });
      const buckets = bucketsOf(index);
      const all = bucketsFor(list, new Set(buckets));
      for (const [n, bucket] of [...all].sort((a, b) => a[0] - b[0])) {
        records.push({ key: `b:${path}:${n}`, value: bucket });
      }
    }
  }
  return records;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function* diffList(
  path: string,
  before: readonly unknown[],
  after: readonly unknown[],
  out: RecordChange[],
  meter: SliceMeter,
): Generator<void> {
  if (before === after) return;
  const old = yield* keyIndexIn(before, meter);
  const dirty = new Set<number>();
  const touch = (key: string) => dirty.add(bucketOf(key));
  let afterKeys: readonly string[] | null = null;
  // Elements edited in place (same length, every changed position keeps its
  // id): only their buckets are written; the keys stay as they were.
  if (before.length === after.length) {
    const changed: number[] = [];
    let sameIds = true;
    for (let i = 0; i < after.length; i++) {
      if (meter.tick()) yield;
      if (before[i] === after[i]) continue;
      changed.push(i);
      if (idOf(before[i]) !== idOf(after[i])) sameIds = false;
    }
    if (changed.length === 0) return;
    if (sameIds) {
      keyCache.set(after, old);
      for (const i of changed) touch(old.keys[i]!);
      afterKeys = old.keys;
    }
  }
  if (!afterKeys && !old.byPosition)
    afterKeys = yield* diffStretch(before, after, old, touch, meter);
  if (!afterKeys) {
    // Anything else (position-keyed elements): compare every key.
    afterKeys = (yield* keyIndexIn(after, meter)).keys;
    const previous = new Map<string, unknown>();
    for (let i = 0; i < before.length; i++) {
      previous.set(old.keys[i]!, before[i]);
      if (meter.tick()) yield;
    }
    for (let i = 0; i < after.length; i++) {
      if (meter.tick()) yield;
      const key = afterKeys[i]!;
      if (previous.get(key) !== after[i]) touch(key);
      previous.delete(key);
    }
    for (const key of previous.keys()) touch(key);
  }
  const was = yield* bucketsForIn(before, dirty, meter);
  const now = yield* bucketsForIn(after, dirty, meter);
  for (const bucket of [...dirty].sort((a, b) => a - b)) {
    out.push({ key: `b:${path}:${bucket}`, before: was.get(bucket), after: now.get(bucket) });
  }
  if (!sameKeys(old.keys, afterKeys)) {
    out.push({ key: `o:${path}`, before: old.keys, after: afterKeys });
  }
}

/**
 * The common case of a list change — elements added at the end (an import),
 * removed, inserted or moved a few places — costs only the stretch between
 * the unchanged start and the unchanged end, found by identity. Returns the
 * new keys, or null (nothing touched) when a new element has no unique
 * usable id, so the caller compares every key instead.
 */
function* diffStretch(
  before: readonly unknown[],
  after: readonly unknown[],
  old: KeyIndex,
  touch: (key: string) => void,
  meter: SliceMeter,
): Generator<void, readonly string[] | null> {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before[start] === after[start]) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  ) {
    end++;
  }
  const previous = new Map<string, unknown>();
  for (let i = start; i < before.length - end; i++) {
    previous.set(old.keys[i]!, before[i]);
    if (meter.tick()) yield;
  }
  const middle: string[] = [];
  const seen = new Set<string>();
  for (let i = start; i < after.length - end; i++) {
    if (meter.tick()) yield;
    const id = idOf(after[i]);
    // Unique: not twice in the stretch, nor elsewhere in the list (asked of
    // the list's set only for an id new to the stretch: a removal or a move
    // never needs it).
    if (id === null || seen.has(id)) return null;
    if (!previous.has(id) && (yield* keySetIn(old, meter)).has(id)) return null;
    seen.add(id);
    middle.push(id);
  }
  for (let j = 0; j < middle.length; j++) {
    if (meter.tick()) yield;
    const key = middle[j]!;
    if (previous.get(key) !== after[start + j]) touch(key);
    previous.delete(key);
  }
  for (const key of previous.keys()) touch(key);
  const keys = [...old.keys.slice(0, start), ...middle, ...old.keys.slice(old.keys.length - end)];
  // The unchanged start and end keep their buckets; only the stretch is hashed.
  let buckets: Uint8Array | null = null;
  if (old.buckets) {
    buckets = new Uint8Array(keys.length);
    buckets.set(old.buckets.subarray(0, start), 0);
    for (let j = 0; j < middle.length; j++) {
      buckets[start + j] = bucketOf(middle[j]!);
      if (meter.tick()) yield;
    }
    buckets.set(old.buckets.subarray(old.buckets.length - end), start + middle.length);
  }
  keyCache.set(after, { keys, byPosition: false, set: null, buckets });
  return keys;
}

function restChanged(section: string, before: unknown, after: unknown): boolean {
  const fields = LISTS_BY_SECTION.get(section) ?? [];
  const a = (before ?? {}) as Json;
  const b = (after ?? {}) as Json;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return true;
  for (let i = 0; i < keysB.length; i++) {
    const key = keysB[i]!;
    if (keysA[i] !== key) return true;
    if (!fields.includes(key) && a[key] !== b[key]) return true;
  }
  return false;
}

function headerChanged(before: Plan, after: Plan): boolean {
  const a = before as unknown as Json;
  const b = after as unknown as Json;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return true;
  for (let i = 0; i < keysB.length; i++) {
    const key = keysB[i]!;
    if (keysA[i] !== key) return true;
    if (!SECTION_SET.has(key) && a[key] !== b[key]) return true;
  }
  return false;
}

/**
 * The records that differ between two versions of a plan, found by object
 * identity: unchanged sections and elements are skipped without being read.
 * Cost: proportional to the changed sections' lists, never to the whole plan.
 */
export function diffPlanRecords(before: Plan, after: Plan): RecordChange[] {
  return finish(diffPlanRecordsInSlices(before, after));
}

/**
 * diffPlanRecords as a generator that pauses after every DIFF_SLICE
 * elements visited, so a save after a big change (a 50,000-row import) can
 * let the page breathe between slices (shared/plan/freeze.ts
 * runInSlices). Both versions are immutable: pausing changes nothing.
 */
export function* diffPlanRecordsInSlices(
  before: Plan,
  after: Plan,
): Generator<void, RecordChange[]> {
  const meter = new SliceMeter();
  const out: RecordChange[] = [];
  if (before === after) return out;
  if (headerChanged(before, after)) {
    out.push({ key: HEADER_KEY, before: headerOf(before), after: headerOf(after) });
  }
  for (const section of PLAN_SECTION_KEYS) {
    const a = sectionValue(before, section);
    const b = sectionValue(after, section);
    if (a === b) continue;
    const fields = LISTS_BY_SECTION.get(section) ?? [];
    if (fields[0] !== '' && restChanged(section, a, b)) {
      out.push({
        key: `s:${section}`,
        before: sectionRestOf(section, a),
        after: sectionRestOf(section, b),
      });
    }
    for (const field of fields) {
      yield* diffList(
        listPath(section, field),
        listOf(before, section, field),
        listOf(after, section, field),
        out,
        meter,
      );
    }
  }
  return out;
}

/** Where a record key points: the header, a section, a list's order or one bucket of its elements. */
type ParsedKey =
  | { kind: 'header' }
  | { kind: 'section'; section: string }
  | { kind: 'order'; section: string; field: string }
  | { kind: 'bucket'; section: string; field: string; bucket: number };

const LIST_PATHS = new Map<string, { section: string; field: string }>(
  (PLAN_LISTS as readonly (readonly string[])[]).map(([section, field]) => [
    listPath(section!, field ?? ''),
    { section: section!, field: field ?? '' },
  ]),
);

function parseKey(key: string): ParsedKey | null {
  if (key === HEADER_KEY) return { kind: 'header' };
  if (key.startsWith('s:')) {
    const section = key.slice(2);
    return SECTION_SET.has(section) ? { kind: 'section', section } : null;
  }
  if (key.startsWith('o:')) {
    const list = LIST_PATHS.get(key.slice(2));
    return list ? { kind: 'order', ...list } : null;
  }
  if (key.startsWith('b:')) {
    const rest = key.slice(2);
    const colon = rest.indexOf(':');
    const list = colon > 0 ? LIST_PATHS.get(rest.slice(0, colon)) : undefined;
    const bucket = Number(rest.slice(colon + 1));
    return list && Number.isInteger(bucket) && bucket >= 0 && bucket < LIST_BUCKETS
      ? { kind: 'bucket', ...list, bucket }
      : null;
  }
  return null;
}

/**
 * Builds a plan from its records (as read from storage). Elements missing
 * from an order are appended; order entries without an element are skipped,
 * so a partly written list still opens. Throws if there is no header record.
 */
export function recordsToPlan(records: Iterable<PlanRecord>): Plan {
  let header: Json | null = null;
  const sections = new Map<string, Json>();
  const orders = new Map<string, string[]>();
  const elements = new Map<string, Map<string, unknown>>();
  for (const { key, value } of records) {
    const parsed = parseKey(key);
    if (!parsed || value === undefined) continue;
    if (parsed.kind === 'header') header = value as Json;
    else if (parsed.kind === 'section') sections.set(parsed.section, value as Json);
    else {
      const path = listPath(parsed.section, parsed.field);
      if (parsed.kind === 'order') orders.set(path, value as string[]);
      else if (isBucket(value)) {
        let map = elements.get(path);
        if (!map) elements.set(path, (map = new Map()));
        for (let i = 0; i < value.keys.length; i++) map.set(value.keys[i]!, value.elements[i]);
      }
    }
  }
  if (!header) throw new Error('The stored plan has no header record.');
  const plan: Json = {};
  for (const [key, value] of Object.entries(header)) {
    if (!SECTION_SET.has(key)) {
      plan[key] = value;
      continue;
    }
    const fields = LISTS_BY_SECTION.get(key) ?? [];
    const buildList = (field: string) => {
      const path = listPath(key, field);
      const map = elements.get(path) ?? new Map<string, unknown>();
      const list: unknown[] = [];
      for (const elementKey of orders.get(path) ?? []) {
        if (map.has(elementKey)) {
          list.push(map.get(elementKey));
          map.delete(elementKey);
        }
      }
      for (const rest of map.values()) list.push(rest);
      return list;
    };
    if (fields[0] === '') {
      plan[key] = buildList('');
      continue;
    }
    const section: Json = { ...(sections.get(key) ?? {}) };
    for (const field of fields) if (field in section) section[field] = buildList(field);
    plan[key] = section;
  }
  return plan as unknown as Plan;
}

/** The current value of one record of a plan (`undefined` if it does not exist). */
export function readPlanRecord(plan: Plan, key: string): unknown {
  const parsed = parseKey(key);
  if (!parsed) return undefined;
  switch (parsed.kind) {
    case 'header':
      return headerOf(plan);
    case 'section':
      return sectionRestOf(parsed.section, sectionValue(plan, parsed.section)) ?? undefined;
    case 'order':
      return elementKeys(listOf(plan, parsed.section, parsed.field));
    case 'bucket':
      return bucketsFor(listOf(plan, parsed.section, parsed.field), new Set([parsed.bucket])).get(
        parsed.bucket,
      );
  }
}

/**
 * The current values of several records of a plan, in order: like
 * readPlanRecord for each, but a list is scanned once for all its buckets
 * (reverting an import touches every bucket of a long list).
 */
export function readPlanRecords(plan: Plan, keys: readonly string[]): unknown[] {
  const wanted = new Map<string, { section: string; field: string; buckets: Set<number> }>();
  for (const key of keys) {
    const parsed = parseKey(key);
    if (parsed?.kind !== 'bucket') continue;
    const path = listPath(parsed.section, parsed.field);
    let entry = wanted.get(path);
    if (!entry) wanted.set(path, (entry = { ...parsed, buckets: new Set() }));
    entry.buckets.add(parsed.bucket);
  }
  const found = new Map<string, Map<number, Bucket>>();
  for (const [path, { section, field, buckets }] of wanted) {
    found.set(path, bucketsFor(listOf(plan, section, field), buckets));
  }
  return keys.map((key) => {
    const parsed = parseKey(key);
    if (parsed?.kind !== 'bucket') return readPlanRecord(plan, key);
    return found.get(listPath(parsed.section, parsed.field))?.get(parsed.bucket);
  });
}

/** True when two record values are the same (identity; order records by their keys). */
export function sameRecordValue(key: string, a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (key.startsWith('o:') && Array.isArray(a) && Array.isArray(b)) {
    return sameKeys(a as string[], b as string[]);
  }
  if (key.startsWith('b:') && isBucket(a) && isBucket(b)) {
    // The same elements under the same keys, in any order.
    if (a.keys.length !== b.keys.length) return false;
    const elements = new Map<string, unknown>();
    for (let i = 0; i < b.keys.length; i++) elements.set(b.keys[i]!, b.elements[i]);
    return a.keys.every((k, i) => elements.has(k) && elements.get(k) === a.elements[i]);
  }
  if ((key === HEADER_KEY || key.startsWith('s:')) && a && b) {
    const x = a as Json;
    const y = b as Json;
    const kx = Object.keys(x);
    const ky = Object.keys(y);
    return kx.length === ky.length && kx.every((k, i) => ky[i] === k && x[k] === y[k]);
  }
  return false;
}

/**
 * A new plan with some records set (structural sharing: untouched sections
 * and elements keep their identity). Used to show another window's saved
 * changes and to revert one earlier step. A list whose order is not among
 * the records keeps its order, new elements going to the end.
 */
export function applyPlanRecords(plan: Plan, records: readonly PlanRecord[]): Plan {
  if (records.length === 0) return plan;
  let header: Json | null = null;
  const sectionRests = new Map<string, Json | undefined>();
  const lists = new Map<string, { order?: string[]; buckets: Map<number, Bucket | null> }>();
  for (const { key, value } of records) {
    const parsed = parseKey(key);
    if (!parsed) continue;
    if (parsed.kind === 'header') header = value as Json;
    else if (parsed.kind === 'section') sectionRests.set(parsed.section, value as Json);
    else {
      const path = listPath(parsed.section, parsed.field);
      let entry = lists.get(path);
      if (!entry) lists.set(path, (entry = { buckets: new Map() }));
      if (parsed.kind === 'order') entry.order = value as string[];
      else entry.buckets.set(parsed.bucket, isBucket(value) ? value : null);
    }
  }
  const next: Json = {};
  const source = header ?? headerOf(plan);
  for (const key of Object.keys(source)) {
    if (!SECTION_SET.has(key)) {
      next[key] = source[key];
      continue;
    }
    const current = sectionValue(plan, key as SectionKey);
    const fields = LISTS_BY_SECTION.get(key) ?? [];
    const touchedLists = fields.filter((f) => lists.has(listPath(key, f)));
    if (!sectionRests.has(key) && touchedLists.length === 0) {
      next[key] = current;
      continue;
    }
    const rebuild = (field: string): unknown[] => {
      const list = listOf(plan, key, field);
      const entry = lists.get(listPath(key, field));
      if (!entry) return list as unknown[];
      // A bucket record holds every element of its bucket: the list's
      // elements in a given bucket are replaced by the record's.
      const index = keyIndex(list);
      const buckets = bucketsOf(index);
      const byKey = new Map<string, unknown>();
      for (let i = 0; i < list.length; i++) {
        if (!entry.buckets.has(buckets[i]!)) byKey.set(index.keys[i]!, list[i]);
      }
      const added: string[] = [];
      for (const bucket of entry.buckets.values()) {
        for (let i = 0; bucket && i < bucket.keys.length; i++) {
          byKey.set(bucket.keys[i]!, bucket.elements[i]);
          added.push(bucket.keys[i]!);
        }
      }
      let order = entry.order;
      if (!order) {
        const known = new Set(index.keys);
        order = [...index.keys, ...added.filter((k) => !known.has(k))];
      }
      const result: unknown[] = [];
      for (const k of order) {
        if (byKey.has(k)) {
          result.push(byKey.get(k));
          byKey.delete(k);
        }
      }
      for (const rest of byKey.values()) result.push(rest);
      return result;
    };
    if (fields[0] === '') {
      next[key] = rebuild('');
      continue;
    }
    const rest = sectionRests.has(key)
      ? (sectionRests.get(key) ?? {})
      : (sectionRestOf(key, current) ?? {});
    const section: Json = {};
    for (const [field, value] of Object.entries(rest)) {
      section[field] = fields.includes(field) ? rebuild(field) : value;
    }
    next[key] = section;
  }
  return next as unknown as Plan;
}
