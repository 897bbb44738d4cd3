import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ROUNDING,
  roundMinutes,
  type RoundingMode,
  type RoundingStep,
} from '../../lib/timer/rounding';

const S = 1000;
const MIN = 60 * S;

describe('DEFAULT_ROUNDING', () => {
  it('is nearest minute', () => {
    expect(DEFAULT_ROUNDING).toEqual({ mode: 'nearest', step: 1 });
  });
});

describe('roundMinutes', () => {
  it.each<[number, RoundingMode, RoundingStep, number]>([
    // nearest 1 (the default), and the floor of 1 minute
    [89.4 * MIN, 'nearest', 1, 89],
    [89.5 * MIN, 'nearest', 1, 90],
    [20 * S, 'nearest', 1, 1],
    [29 * S, 'nearest', 1, 1],
    [31 * S, 'nearest', 1, 1],
    [90 * S, 'nearest', 1, 2],
    [0, 'nearest', 1, 1],
    [-5 * MIN, 'nearest', 1, 1],
    [Number.NaN, 'nearest', 1, 1],
    [10 * 60 * MIN, 'nearest', 1, 600],
    // up: a started step counts whole; never below one step
    [60 * MIN, 'up', 1, 60],
    [60 * MIN + 1, 'up', 1, 61],
    [1, 'up', 1, 1],
    [0, 'up', 15, 15],
    [1 * MIN, 'up', 5, 5],
    [5 * MIN, 'up', 5, 5],
    [5 * MIN + S, 'up', 5, 10],
    [6 * MIN, 'up', 6, 6],
    [6 * MIN + 1, 'up', 6, 12],
    [11 * MIN, 'up', 10, 20],
    [15 * MIN, 'up', 15, 15],
    [16 * MIN, 'up', 15, 30],
    [20 * S, 'up', 30, 30],
    [31 * MIN, 'up', 30, 60],
    // down: never below 1
    [89.9 * MIN, 'down', 1, 89],
    [20 * S, 'down', 1, 1],
    [4 * MIN, 'down', 5, 1],
    [9.99 * MIN, 'down', 5, 5],
    [11.9 * MIN, 'down', 6, 6],
    [12 * MIN, 'down', 6, 12],
    [19 * MIN, 'down', 10, 10],
    [29 * MIN, 'down', 15, 15],
    [59 * MIN, 'down', 30, 30],
    [14 * MIN, 'down', 15, 1],
    // nearest with steps: ties go up
    [2.4 * MIN, 'nearest', 5, 1],
    [2.5 * MIN, 'nearest', 5, 5],
    [7.4 * MIN, 'nearest', 5, 5],
    [7.5 * MIN, 'nearest', 5, 10],
    [8.9 * MIN, 'nearest', 6, 6],
    [9 * MIN, 'nearest', 6, 12],
    [14 * MIN, 'nearest', 10, 10],
    [15 * MIN, 'nearest', 10, 20],
    [22 * MIN, 'nearest', 15, 15],
    [22.5 * MIN, 'nearest', 15, 30],
    [44 * MIN, 'nearest', 30, 30],
    [45 * MIN, 'nearest', 30, 60],
    [5 * MIN, 'nearest', 30, 1],
  ])('%d ms, %s %d -> %d', (ms, mode, step, minutes) => {
    expect(roundMinutes(ms, { mode, step })).toBe(minutes);
  });

  it.each<RoundingStep>([1, 5, 6, 10, 15, 30])(
    'gives multiples of %d for an hour and a bit, whatever the mode',
    (step) => {
      for (const mode of ['nearest', 'up', 'down'] as const) {
        expect(roundMinutes(61 * MIN + 17 * S, { mode, step }) % step).toBe(0);
      }
    },
  );
});
