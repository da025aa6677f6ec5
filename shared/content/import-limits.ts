/**
 * Import limits and accepted types, apart from the readers so the UI can use
 * them without loading exceljs into the main bundle.
 */

/** Largest spreadsheet accepted (ENGINEERING.md §4). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/**
 * Largest CSV a learner roster import accepts (issue 14): an LMS activity
 * export of 100,000 learners with names and a dozen columns is about 20 MB
 * as CSV. Workbooks stay at MAX_IMPORT_BYTES (zip archives are the risk the
 * 10 MB limit guards against); CSV is read as plain text in the worker.
 */
export const MAX_ROSTER_CSV_BYTES = 48 * 1024 * 1024;

/** Most columns read from a sheet. */
export const MAX_IMPORT_COLUMNS = 200;

/** File types the picker offers. */
export const IMPORT_ACCEPT = '.csv,.tsv,.txt,.xlsx';
