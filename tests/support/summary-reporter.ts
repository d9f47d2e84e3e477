import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

type Tally = { passed: number; failed: number; skipped: number };

const line = (label: string, t: Tally) => `${label}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;

/**
 * Ends the run with one line per browser (`e2e [firefox]: …`, with each skip's reason), one
 * "passed on retry" line per flaky test, and one plain total line,
 * `e2e: N passed, N failed, N skipped`, for CI logs. A test that passed only on retry is counted
 * as failed: retries must not hide a flaky test (playwright.config.ts also sets
 * `failOnFlakyTests` in CI, so such a run fails).
 */
export default class SummaryReporter implements Reporter {
  private total: Tally = { passed: 0, failed: 0, skipped: 0 };
  private byBrowser = new Map<string, Tally>();
  private skipReasons: string[] = [];
  private retried: string[] = [];
  /** The first failure of each test that was retried: what the "passed on retry" line quotes. */
  private firstFailure = new Map<string, string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    const browser = test.parent.project()?.name ?? 'default';
    const where = `${test.location.file.split(/[\\/]/).pop()}:${test.location.line}`;
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') {
      if (!this.firstFailure.has(test.id)) this.firstFailure.set(test.id, result.error?.message?.split('\n')[0] ?? result.status);
      return;
    }
    const tally = this.byBrowser.get(browser) ?? { passed: 0, failed: 0, skipped: 0 };
    this.byBrowser.set(browser, tally);
    const flaky = result.status === 'passed' && result.retry > 0;
    const key = flaky ? 'failed' : result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
    tally[key]++;
    this.total[key]++;
    if (flaky) {
      const first = this.firstFailure.get(test.id) ?? 'failed';
      this.retried.push(`  passed on retry [${browser}] ${where} ${test.title} — attempt 1: ${first}`);
    }
    if (key === 'skipped') {
      const reason = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip' || a.type === 'fixme')?.description ?? 'no reason given';
      this.skipReasons.push(`  skipped [${browser}] ${test.title} — ${reason}`);
    }
  }

  onEnd(_result: FullResult): void {
    console.log('');
    for (const reason of this.skipReasons) console.log(reason);
    for (const retry of this.retried) console.log(retry);
    for (const [browser, tally] of this.byBrowser) console.log(line(`e2e [${browser}]`, tally));
    console.log(line('e2e', this.total) + (this.retried.length ? ` (${this.retried.length} of the failed passed only on retry)` : ''));
  }
}
