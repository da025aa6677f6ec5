/**
 * Reads and checks catalog spreadsheets off the UI thread: a 50,000-row
 * workbook takes a few seconds to read (SheetJS) and check, which would
 * freeze the app.
 */
import { ImportSession, type ImportRequest, type ImportResponse } from './import-protocol';

const scope = self as unknown as {
  postMessage(message: ImportResponse): void;
  onmessage: ((event: MessageEvent<ImportRequest>) => void) | null;
};
const session = new ImportSession();

scope.onmessage = (event) => {
  void session.handle(event.data, (message) => scope.postMessage(message));
};
