import '../../assets/app.css';
import { pageHead } from '../../utils/page-head';

// Issue 14: the popup's code is 70 KB, and loading it takes longer than the reads that show the
// names. This small first script starts them (the session, the database, the typed draft); the
// rest (app.tsx, which popup.html preloads) takes them over as it starts.
pageHead();
void import('./app');
