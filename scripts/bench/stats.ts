// Summaries of repeated timings: the median is what the budget judges, min and max show spread.

export interface Timing {
  n: number;
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function summarize(samples: number[]): Timing {
  if (samples.length === 0) throw new Error('bench: no samples to summarize');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const round = (x: number): number => Math.round(x * 10) / 10;
  return {
    n: samples.length,
    median: round(median),
    min: round(sorted[0]!),
    max: round(sorted[sorted.length - 1]!),
    samples: samples.map(round),
  };
}
