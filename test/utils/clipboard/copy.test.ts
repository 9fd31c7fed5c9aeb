import { describe, expect, it, vi } from 'vitest';
import { type CopiedMark, copyText } from '../../../utils/clipboard/copy';
import { digestOf } from '../../../utils/clipboard/digest';

const SECRET = 'eyJhbGciOiJIUzI1NiJ9.payload.signature';

describe('copyText', () => {
  it('should report only its salted digest, then write the text', async () => {
    const writeText = vi.fn(async () => {});
    const reported: CopiedMark[] = [];
    const result = await copyText(SECRET, { writeText }, async (mark) => reported.push(mark));
    expect(result.ok).toBe(true);
    expect(writeText).toHaveBeenCalledWith(SECRET);
    const [mark] = reported;
    expect(mark?.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(mark?.digest).toBe(await digestOf(SECRET, mark?.salt ?? ''));
    expect(JSON.stringify(reported)).not.toContain(SECRET);
  });

  it('should salt every copy afresh, so equal tokens give unequal digests', async () => {
    const reported: CopiedMark[] = [];
    for (let i = 0; i < 2; i++)
      await copyText(SECRET, { writeText: async () => {} }, async (m) => reported.push(m));
    expect(reported[0]?.digest).not.toBe(reported[1]?.digest);
  });

  it('should say so when the browser refuses the clipboard (the clear armed before finds nothing of it)', async () => {
    const onCopied = vi.fn(async () => {});
    const result = await copyText(
      SECRET,
      { writeText: async () => Promise.reject(new Error('denied')) },
      onCopied,
    );
    expect(result).toEqual({ ok: false, error: expect.objectContaining({ code: 'clipboard' }) });
    expect(onCopied).toHaveBeenCalledTimes(1);
  });

  it('should arm the clear before writing, so a popup that closes right after writeText still gets it', async () => {
    const armed: CopiedMark[] = [];
    let armedAtWrite = -1;
    // The popup closes as the write lands: nothing after writeText ever runs.
    const writeText = vi.fn(() => {
      armedAtWrite = armed.length;
      return new Promise<void>(() => {});
    });
    void copyText(SECRET, { writeText }, async (mark) => armed.push(mark));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledWith(SECRET));
    expect(armedAtWrite).toBe(1);
    expect(armed[0]?.digest).toBe(await digestOf(SECRET, armed[0]?.salt ?? ''));
  });

  it('should keep the copy when the background cannot be told', async () => {
    const result = await copyText(SECRET, { writeText: async () => {} }, async () =>
      Promise.reject(new Error('gone')),
    );
    expect(result.ok).toBe(true);
  });
});
