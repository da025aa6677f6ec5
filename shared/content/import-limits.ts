/**
 * Import limits and accepted types, apart from the readers so the UI can use
 * them without loading exceljs into the main bundle.
 */

/** Largest spreadsheet accepted (ENGINEERING.md §4). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** Most columns read from a sheet. */
export const MAX_IMPORT_COLUMNS = 200;

/** File types the picker offers. */
export const IMPORT_ACCEPT = '.csv,.tsv,.txt,.xlsx';
