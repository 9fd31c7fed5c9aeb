import '../../assets/app.css';
import { prepareFormats } from '../../utils/lib';
import { pageHead } from '../../utils/page-head';

// Issue 14: the popup's code is 62 KB, and loading it takes longer than the reads that show the
// names. This small first script starts them (the sessions, the database, the typed draft, then
// the shown account's list); the rest (app.tsx, which popup.html preloads) takes them over as it
// starts.
pageHead();
void import('./app');
// The formatters the first render needs, made while the main thread waits for the reads and
// app.tsx (when idle: made at once, they held up the reads' next steps).
requestIdleCallback(() => prepareFormats());
