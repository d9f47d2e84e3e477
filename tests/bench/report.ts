/**
 * A benchmark figure, its budget and verdict; the printed table; results.json and the
 * history line. A figure without a budget is reported ("info"); a figure that could not be
 * measured says why ("n/a") and never counts as a failure.
 */
import { appendFile, writeFile } from 'node:fs/promises';
import type { Summary } from './stats';

export type Unit = 'ms' | 'KB' | 'MB' | '%' | 'steps' | 'libs' | '×';

export interface Budget {
  /** Which number the budget applies to. */
  on: 'median' | 'p95' | 'value' | 'max';
  /** `max`: the number must be at most `limit`; `min`: at least. */
  kind: 'max' | 'min';
  limit: number;
}

export interface Figure {
  id: string;
  name: string;
  unit: Unit;
  /** A distribution (median, p95, min/max) … */
  summary?: Summary;
  /** … or a single number. */
  value?: number;
  /** All must hold for a PASS. */
  budgets?: Budget[];
  /** Why the figure could not be measured (not a failure: e.g. marks not there yet). */
  missing?: string;
  /** The measurement itself broke: always a failure. */
  error?: string;
  /** Extra facts shown in the last column and kept in results.json. */
  note?: string;
  /** Raw samples, kept in results.json only (to look at a tail, or compare runs closely). */
  samples?: number[];
  /** Which spread column to show for a distribution. */
  spread?: 'p95' | 'minmax';
}

export type Verdict = 'PASS' | 'FAIL' | 'info' | 'n/a';

export function verdict(figure: Figure): Verdict {
  if (figure.error) return 'FAIL';
  // A figure with no number at all was not measured: that is a failure, never a silent PASS.
  if (!figure.missing && figure.summary === undefined && typeof figure.value !== 'number') return 'FAIL';
  if (figure.missing) return 'n/a';
  if (!figure.budgets?.length) return 'info';
  const holds = ({ on, kind, limit }: Budget) => {
    const actual = headline(figure, on);
    if (typeof actual !== 'number' || Number.isNaN(actual)) return false;
    return kind === 'max' ? actual <= limit : actual >= limit;
  };
  return figure.budgets.every(holds) ? 'PASS' : 'FAIL';
}

/** The number a budget (or the history line) looks at. */
function headline(figure: Figure, on: Budget['on']): number | undefined {
  return on === 'value' || !figure.summary ? figure.value : figure.summary[on];
}

const fmt = (n: unknown, unit: Unit): string => {
  // Anything but a finite number (a measurement that returned `false`, say) prints as itself.
  if (n === undefined || (typeof n === 'number' && Number.isNaN(n))) return '—';
  if (typeof n !== 'number' || !Number.isFinite(n)) return `${String(n)} ${unit}`;
  const whole = unit === 'steps' || unit === 'libs' || Math.abs(n) >= 100;
  const digits = whole ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return `${n.toFixed(digits)} ${unit}`;
};

function cells(f: Figure): string[] {
  const v = verdict(f);
  const budget = f.budgets?.length
    ? f.budgets.map((b) => `${b.on === 'value' ? '' : `${b.on === 'median' ? 'p50' : b.on} `}${b.kind === 'max' ? '≤' : '≥'} ${fmt(b.limit, f.unit)}`).join(', ')
    : '—';
  if (f.error) return [f.name, 'error', '', budget, v, f.error];
  if (f.missing) return [f.name, f.missing, '', budget, v, f.note ?? ''];
  const s = f.summary;
  const center = s ? fmt(s.median, f.unit) : fmt(f.value, f.unit);
  const spread = !s ? '' : f.spread === 'minmax' ? `${fmt(s.min, f.unit)} … ${fmt(s.max, f.unit)}` : `p95 ${fmt(s.p95, f.unit)}`;
  const note = [s ? `n=${s.n}` : '', f.note ?? ''].filter(Boolean).join(', ');
  return [f.name, center, spread, budget, v, note];
}

/** A figure's row; a figure that cannot even be printed says so in its row. */
function safeCells(f: Figure): string[] {
  try {
    return cells(f);
  } catch (error) {
    return [String(f.name ?? f.id), 'error', '', '', 'FAIL', `cannot print this figure: ${String(error)}`];
  }
}

export function table(figures: Figure[]): string {
  const rows = [['Figure', 'Median / value', 'p95 or min … max', 'Budget', 'Result', 'Notes'], ...figures.map(safeCells)];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join(' │ ').trimEnd();
  const rule = widths.map((w) => '─'.repeat(w)).join('─┼─');
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join('\n');
}

/**
 * Runs one part of a group: its figures, or, if it throws, one error row per figure id, so a
 * broken part never hides the parts that worked.
 */
export async function measure(ids: string[], run: () => Promise<Figure[]>, log = (m: string) => process.stderr.write(m)): Promise<Figure[]> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    // The whole error (which locator, which call) for whoever has to find out why.
    log(`bench: ${ids.join(', ')} failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    return ids.map((id): Figure => ({ id, name: id, unit: 'ms', error: message }));
  }
}

export interface RunInfo {
  date: string;
  commit: string;
  chromium: string;
  cpus: number;
  loadAverage: number[];
  durationS: number;
}

export async function writeResults(path: string, info: RunInfo, figures: Figure[]): Promise<void> {
  const entries = figures.map((f) => ({ ...f, verdict: verdict(f) }));
  await writeFile(path, `${JSON.stringify({ ...info, figures: entries }, null, 2)}\n`);
}

/** One compact line per run: the headline number of each figure, to compare runs over time. */
export async function appendHistory(path: string, info: RunInfo, figures: Figure[]): Promise<void> {
  const round = (n: number | undefined) => (typeof n === 'number' && !Number.isNaN(n) ? Math.round(n * 100) / 100 : null);
  const main = (f: Figure) => (f.missing || f.error ? undefined : headline(f, f.budgets?.at(-1)?.on ?? 'p95'));
  const line = {
    date: info.date,
    commit: info.commit,
    chromium: info.chromium,
    load: info.loadAverage[0],
    figures: Object.fromEntries(figures.map((f) => [f.id, round(main(f))])),
    failed: figures.filter((f) => verdict(f) === 'FAIL').map((f) => f.id),
  };
  await appendFile(path, `${JSON.stringify(line)}\n`);
}
