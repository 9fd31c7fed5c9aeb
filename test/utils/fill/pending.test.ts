import { describe, expect, it } from 'vitest';
import { QUESTION_MS, questionFor } from '../../../utils/fill/pending';

const shown = { serviceUrl: 'http://svc.test', account: 'A' };
const scope = { service: 'http://svc.test', account: 'A' };
const question = { id: '1', origin: 'https://a.example', scope };

// Issue 14: the question a menu or shortcut fill left is read by the popup from storage.session.
describe('questionFor', () => {
  it('should ask a question left moments ago about the account shown', () => {
    expect(questionFor({ question, at: 1_000 }, shown, 1_500)).toEqual(question);
    const unscoped = { id: '2', origin: 'https://b.example' };
    expect(questionFor({ question: unscoped, at: 1_000 }, null, 1_000)).toEqual(unscoped);
  });

  it("should not ask about another account's token (issue 15)", () => {
    expect(questionFor({ question, at: 1_000 }, { ...shown, account: 'B' }, 1_500)).toBeNull();
    expect(questionFor({ question, at: 1_000 }, null, 1_500)).toBeNull();
  });

  it('should not ask a stale question, one from the future, or anything malformed', () => {
    expect(questionFor({ question, at: 1_000 }, shown, 1_000 + QUESTION_MS + 1)).toBeNull();
    expect(questionFor({ question, at: 5_000 }, shown, 1_000)).toBeNull();
    for (const left of [
      undefined,
      null,
      'x',
      {},
      { question },
      { question: { id: 1, origin: 'o' }, at: 1_000 },
    ])
      expect(questionFor(left, shown, 1_000)).toBeNull();
  });
});
