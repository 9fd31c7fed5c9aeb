import '../../assets/app.css';
import { showKeptScreen, watchEarlyInput } from '../../utils/first-screen';
import { prepareFormats } from '../../utils/lib';
import { pageHead } from '../../utils/page-head';

// Issue 14: the popup's code is 62 KB, and loading it takes longer than the reads that show the
// names. This small first script starts them (the sessions, the database, the typed draft, then
// the shown account's list), and shows the first screen kept from the last opening as soon as the
// reads of storage are in (utils/first-screen.ts). The rest (app.tsx) takes them over as it starts.
watchEarlyInput();
const head = pageHead();
let loading = false;
const load = (): void => {
  if (loading) return;
  loading = true;
  void import('./app');
};
void Promise.all([head.local, head.session]).then(([local, session]) => {
  if (!showKeptScreen(document.getElementById('app') as HTMLElement, local, session)) return load();
  // The code after the kept screen's frame, not before it: compiling it holds up that paint. A
  // page with no frames (hidden) loads it anyway.
  requestAnimationFrame(() => setTimeout(load));
  setTimeout(load, 50);
}, load);
// The formatters the first render needs, made while the main thread waits for the reads and
// app.tsx (when idle: made at once, they held up the reads' next steps).
requestIdleCallback(() => prepareFormats());
