import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

type Tally = { passed: number; failed: number; skipped: number };

const line = (label: string, t: Tally) => `${label}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`;

/**
 * Ends the run with one line per browser (`e2e [firefox]: …`, with each skip's reason) and one
 * plain total line, `e2e: N passed, N failed, N skipped`, for CI logs.
 */
export default class SummaryReporter implements Reporter {
  private total: Tally = { passed: 0, failed: 0, skipped: 0 };
  private byBrowser = new Map<string, Tally>();
  private skipReasons: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.retry < test.retries && result.status !== 'passed' && result.status !== 'skipped') return;
    const browser = test.parent.project()?.name ?? 'default';
    const tally = this.byBrowser.get(browser) ?? { passed: 0, failed: 0, skipped: 0 };
    this.byBrowser.set(browser, tally);
    const key = result.status === 'passed' ? 'passed' : result.status === 'skipped' ? 'skipped' : 'failed';
    tally[key]++;
    this.total[key]++;
    if (key === 'skipped') {
      const reason = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip')?.description ?? 'no reason given';
      this.skipReasons.push(`  skipped [${browser}] ${test.title} — ${reason}`);
    }
  }

  onEnd(_result: FullResult): void {
    console.log('');
    for (const reason of this.skipReasons) console.log(reason);
    for (const [browser, tally] of this.byBrowser) console.log(line(`e2e [${browser}]`, tally));
    console.log(line('e2e', this.total));
  }
}
