// utils/clipboard/: copying a token and clearing it again. The copy (copy), the clear's rule and
// timing (rule, guard), the clipboard read and write from a document without focus (dom, offscreen,
// channel), and the salted digest kept instead of the copied token (digest).
export { answerClears } from './channel';
export { type CopiedMark, copyText } from './copy';
export { clearIfUnchanged } from './dom';
export { backgroundClipboardGuard, CLIPBOARD_ALARM, type ClipboardGuard } from './guard';
export { CLIPBOARD_CHOICES, copiedMarkOf, DEFAULT_CLIPBOARD_SECONDS } from './rule';
