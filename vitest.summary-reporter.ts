// Prints one plain closing line ("tests: N passed, N failed, N skipped") so that any CI can
// read the outcome without knowing Vitest's own summary format. A test file that fails to
// load, or fails in a hook, counts as a failure too: it ran no test, yet nothing passed.
import type { Reporter, TestModule } from "vitest/node";

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const mod of testModules) {
      let moduleFailedTests = 0;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") {
          failed++;
          moduleFailedTests++;
        } else skipped++;
      }
      if (moduleFailedTests === 0 && (mod.state() === "failed" || mod.errors().length > 0)) failed++;
    }
    failed += unhandledErrors.length;
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
