import { answerClears, clearIfUnchanged } from '../../utils/clipboard';

// Chromium's offscreen document (utils/clipboard/offscreen.ts): a DOM for the service worker,
// made for one clear and closed after. It hears only the extension's own origin.
answerClears((mark) => clearIfUnchanged(mark));
