// The slice of web-ext's programmatic API that tests/support/lint-firefox.ts uses (it ships no types).
declare module 'web-ext' {
  interface LintFinding {
    code: string;
    file?: string;
    message: string;
  }
  interface LintReport {
    errors: LintFinding[];
    warnings: LintFinding[];
    notices: LintFinding[];
  }
  const webExt: {
    cmd: {
      lint(
        params: { sourceDir: string; output: 'none' | 'json' | 'text'; selfHosted?: boolean; warningsAsErrors?: boolean },
        options: { shouldExitProgram: boolean },
      ): Promise<LintReport>;
    };
  };
  export default webExt;
}
