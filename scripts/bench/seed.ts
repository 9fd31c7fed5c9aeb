// Token names like people give them: a few words, some repeated, some not in ASCII.
const WORDS = [
  'laptop',
  'CI',
  'deploy',
  'staging',
  'backup',
  'uploader',
  'prod',
  'mobile',
  'café',
  'nightly',
];
const MORE = ['app', 'worker', 'Ünïcode', 'release', 'données', 'desktop', 'cron', 'preview', 'gateway'];

export const tokenName = (i: number): string =>
  `${WORDS[i % WORDS.length]} ${MORE[(i * 7) % MORE.length]} ${String(i + 1).padStart(5, '0')}`;

/** Creates tokens `from` … `to - 1` through `POST /user/tokens`, a few requests in flight at once. */
export async function seedTokens(url: string, credential: string, from: number, to: number): Promise<void> {
  let next = from;
  const worker = async (): Promise<void> => {
    while (next < to) {
      const name = tokenName(next++);
      const response = await fetch(`${url}/user/tokens`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${credential}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      await response.arrayBuffer();
      if (response.status !== 201) throw new Error(`POST /user/tokens answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
