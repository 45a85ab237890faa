// @ts-check

/**
 * @typedef {{ samples: number, median: number, p25: number, p75: number, min: number, max: number }} Stats
 */

/**
 * @param {number[]} values
 * @returns {Stats}
 */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  /** @param {number} q */
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))] ?? NaN;
  const round = (/** @type {number} */ n) => Math.round(n * 10) / 10;
  return {
    samples: sorted.length,
    median: round(at(0.5)),
    p25: round(at(0.25)),
    p75: round(at(0.75)),
    min: round(sorted[0] ?? NaN),
    max: round(sorted[sorted.length - 1] ?? NaN),
  };
}
