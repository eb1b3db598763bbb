/*
 * Comparing two captures: environment-free (no Node APIs), so it runs in the renderer, a worker,
 * or Node. `compareCaptures` does the work once; `applyNoise` filters the result by noise rules.
 */
export * from './types';
export { compareCaptures, compareCapturesSteps, splitUrl, type ComparableCapture } from './compare-captures';
export { DiffMeter, describePhase, type DiffPhase, type DiffProgress } from './diff-progress';
export { runSteps, DiffCancelledError, type Steps } from './diff-steps';
export { compareCapturesCooperatively, type CooperativeOptions } from './cooperative-compare';
export { compareBodies, type BodySide } from './body-diff';
export { applyNoise, type FilteredComparison } from './apply-noise';
export {
  compileNoise,
  parsePathRule,
  matchPathRule,
  validatePathRule,
  validateHeaderRule,
  NOISE_PRESETS,
  NOISE_PRESET_IDS,
  DEFAULT_NOISE_PREFS,
  type NoisePrefs,
  type NoisePreset,
  type NoiseMatcher,
} from './noise-rules';
export { describeJsonChange, describeNamedChange, describeTextChange, describeNote } from './describe';
export { comparisonText, bodyChangeLines, formatElapsed } from './comparison-text';
export type { JsonNode } from './json-node';
export { parseJson, type JsonParseResult } from './json-parse';
export { diffJson, type JsonDiff, type RawJsonChange } from './json-diff';
export { diffText } from './text-diff';
export { diffNamed, parseFormFields } from './named-diff';
export { formatPath, formatPaths, ruleForPath } from './json-path';
export { sha256Hex } from './sha256';
