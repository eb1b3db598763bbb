/*
 * The scorecard as text: one line per probe (verdict, title, why), the notes a developer needs
 * (which field to deduplicate on), skipped probes with their reason, and a closing count. Used by
 * `hooklens check` and kept free of colour codes so CI logs read the same.
 */
import type { CheckReport, ProbeResult } from '../../../shared/check/types';

const MARK = { pass: 'PASS', warn: 'WARN', fail: 'FAIL' } as const;

export function probeLine(p: ProbeResult): string {
  return `${MARK[p.verdict]}  ${p.title.padEnd(44)} ${p.why}`;
}

export function formatScorecard(report: CheckReport): string {
  const lines = [`Checking ${report.target} as ${report.profile.name} (source: ${report.source})`, ''];
  for (const p of report.probes) {
    lines.push(probeLine(p));
    for (const note of p.notes) lines.push(`      ${note}`);
  }
  return [...lines, scorecardTail(report)].join('\n');
}

/** Skipped probes with their reason, and the closing count. */
export function scorecardTail(report: CheckReport): string {
  const lines = report.skipped.map((s) => `SKIP  ${s.title.padEnd(44)} ${s.why}`);
  const { pass, warn, fail, skipped, ms } = report.summary;
  return [...lines, '', `${pass} passed, ${warn} warned, ${fail} failed, ${skipped} skipped in ${ms} ms`].join('\n');
}
