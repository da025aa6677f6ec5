/**
 * The user's saved import mappings, kept in this browser profile's
 * localStorage (they are settings, not plan data: they never travel with a
 * plan file). One list for every import target, each preset tagged with its
 * target (catalog presets from before the tag count as catalog ones); read
 * and written whole, a damaged entry is dropped, and saving one target's
 * presets keeps the others'.
 */
import {
  parsePresets,
  withPreset,
  withoutPreset,
  type ImportPreset,
} from '../../../../shared/content/import-presets';
import {
  parseStakeholderPresets,
  type StakeholderImportPreset,
} from '../../../../shared/stakeholders/import-presets';

const KEY = 'upskill-workbench.catalog-import-presets.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Every stored preset, as stored. */
function readAll(): unknown[] {
  try {
    const list: unknown = JSON.parse(storage()?.getItem(KEY) ?? '[]');
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

const targetOf = (p: unknown) =>
  typeof p === 'object' && p !== null && (p as { target?: unknown }).target === 'stakeholders'
    ? 'stakeholders'
    : 'catalog';

interface Presets {
  catalog: ImportPreset;
  stakeholders: StakeholderImportPreset;
}

const parsers: { [T in keyof Presets]: (list: unknown[]) => Presets[T][] } = {
  catalog: (list) => parsePresets(JSON.stringify(list)),
  stakeholders: parseStakeholderPresets,
};

/** Load, save and delete the presets of one import target. */
export function presetStore<T extends keyof Presets>(target: T) {
  const load = (): Presets[T][] => parsers[target](readAll().filter((p) => targetOf(p) === target));
  const write = (list: Presets[T][]): boolean => {
    const others = readAll().filter((p) => targetOf(p) !== target);
    try {
      storage()?.setItem(KEY, JSON.stringify([...others, ...list]));
      return true;
    } catch {
      return false;
    }
  };
  return {
    load,
    /** Saves a preset (replacing one of the same name); the new list, or null when it could not be stored. */
    save: (preset: Presets[T]): Presets[T][] | null => {
      const list = withPreset(load(), preset);
      return write(list) ? list : null;
    },
    /** Deletes a saved preset; returns the new list. */
    remove: (name: string): Presets[T][] => {
      const list = withoutPreset(load(), name);
      write(list);
      return list;
    },
  };
}

const catalog = presetStore('catalog');

/** The saved catalog presets, by name. */
export const loadPresets = catalog.load;
/** Saves a catalog preset (replacing one of the same name); returns the new list, or null when it could not be stored. */
export const savePreset = catalog.save;
/** Deletes a saved catalog preset; returns the new list. */
export const deletePreset = catalog.remove;
