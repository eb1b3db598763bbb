/** "12 s old" / "3 s ahead" / "current", for the one-line verdicts of timestamped schemes. */
export function describeSkew(skewSec: number): string {
  if (skewSec === 0) return 'current';
  return skewSec < 0 ? `${-skewSec} s old` : `${skewSec} s ahead of this clock`;
}
