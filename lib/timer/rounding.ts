/** Which way a timer's elapsed time goes to the next multiple of the step. */
export type RoundingMode = 'nearest' | 'up' | 'down';
/** Step sizes in minutes; 6 is the tenth of an hour some invoicing uses. */
export type RoundingStep = 1 | 5 | 6 | 10 | 15 | 30;
/** How a stopped timer's elapsed time becomes the minutes logged. */
export interface RoundingRule {
  mode: RoundingMode;
  step: RoundingStep;
}

/** Log what was measured, to the nearest minute. */
export const DEFAULT_ROUNDING: RoundingRule = { mode: 'nearest', step: 1 };

const MS_PER_MINUTE = 60_000;

/**
 * Minutes to log for `elapsedMs` under `rule`: a multiple of the step, rounded by the mode.
 * Never below 1, since Kendo refuses 0 and a started timer did measure something; with mode
 * 'up' never below one step, as 'up' promises. Nearest 1: 89.4 min -> 89, 89.5 -> 90, 20 s -> 1.
 */
export function roundMinutes(elapsedMs: number, rule: RoundingRule): number {
  const safeMs = Number.isFinite(elapsedMs) && elapsedMs > 0 ? elapsedMs : 0;
  // Divide ms by the step in ms in one go, so exact multiples stay exact for ceil and floor.
  const steps = safeMs / (rule.step * MS_PER_MINUTE);
  const rounded = ROUND[rule.mode](steps) * rule.step;
  return Math.max(rounded, rule.mode === 'up' ? rule.step : 1);
}

const ROUND: Record<RoundingMode, (x: number) => number> = {
  nearest: Math.round,
  up: Math.ceil,
  down: Math.floor,
};
