/** The median of `values` (NaN for none): the benchmark's one summary of repeated samples. */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export const ms = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(1)} ms`);
export const ratio = (value: number): string => (Number.isNaN(value) ? 'n/a' : `${value.toFixed(2)}×`);
export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const count = (n: number): string => n.toLocaleString('en-US');

export interface Row {
  measure: string;
  result: string;
  floor?: string;
  ratio?: string;
  target?: string;
  /** undefined: no target for this row. */
  met?: boolean;
}

/** A Markdown table: readable in a terminal, and pasted as is into docs/performance.md. */
export function markdownTable(rows: readonly Row[]): string {
  const head = ['Measure', 'Result', 'Floor (same run)', 'Ratio', 'Target', 'Met'];
  const cells = rows.map((row) => [
    row.measure,
    row.result,
    row.floor ?? '',
    row.ratio ?? '',
    row.target ?? '',
    row.met === undefined ? '' : row.met ? 'yes' : '**no**',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: readonly string[]): string =>
    `| ${values.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}
