/**
 * The user's saved catalog-import mappings, kept in this browser profile's
 * localStorage (they are settings, not plan data: they never travel with a
 * plan file). Read and written whole; a damaged entry is dropped.
 */
import {
  parsePresets,
  serialisePresets,
  withPreset,
  withoutPreset,
  type ImportPreset,
} from '../../../../shared/content/import-presets';

const KEY = 'upskill-workbench.catalog-import-presets.v1';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The saved presets, by name. */
export function loadPresets(): ImportPreset[] {
  return parsePresets(storage()?.getItem(KEY) ?? null);
}

/** Saves a preset (replacing one of the same name); returns the new list, or null when it could not be stored. */
export function savePreset(preset: ImportPreset): ImportPreset[] | null {
  const list = withPreset(loadPresets(), preset);
  try {
    storage()?.setItem(KEY, serialisePresets(list));
    return list;
  } catch {
    return null;
  }
}

/** Deletes a saved preset; returns the new list. */
export function deletePreset(name: string): ImportPreset[] {
  const list = withoutPreset(loadPresets(), name);
  try {
    storage()?.setItem(KEY, serialisePresets(list));
  } catch {
    // Nothing to do: the list shown is what could be read.
  }
  return list;
}
