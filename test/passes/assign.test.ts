import fc from 'fast-check';
import { bestAssignment } from '../../src/passes/assign.js';

const total = (value: number[][], picked: (number | undefined)[]) =>
  picked.reduce<number>((sum, c, r) => sum + (c === undefined ? 0 : value[r]![c]!), 0);

/** Every assignment, by brute force: the best total a small matrix allows. */
function bruteBest(value: number[][], columns: number, floor: number): number {
  let best = 0;
  const go = (r: number, used: Set<number>, sum: number) => {
    if (r === value.length) { best = Math.max(best, sum); return; }
    go(r + 1, used, sum);
    for (let c = 0; c < columns; c++) {
      const v = value[r]![c]!;
      if (used.has(c) || !(v > floor)) continue;
      used.add(c);
      go(r + 1, used, sum + v - floor);
      used.delete(c);
    }
  };
  go(0, new Set(), 0);
  return best;
}

describe('bestAssignment', () => {
  test('gives up a best single pair when two pairs together are worth more (where greedy fails)', () => {
    const value = [[0.6, 0.55], [0.58, 0.1]];
    expect(bestAssignment(value, 2, 0.3)).toEqual([1, 0]);
  });

  test('leaves a row unassigned when no column beats the floor', () => {
    expect(bestAssignment([[0.2, -Infinity], [0.9, 0.4]], 2, 0.3)).toEqual([undefined, 0]);
  });

  test('one column, several rows: only the best row takes it', () => {
    expect(bestAssignment([[0.5], [0.8], [0.7]], 1, 0)).toEqual([undefined, 0, undefined]);
  });

  test('is optimal and one-to-one on random small matrices', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 25, maxLength: 25 }), (rows, cols, cells) => {
        const value = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => (cells[r * 5 + c]! < 0.3 ? -Infinity : cells[r * 5 + c]!)));
        const picked = bestAssignment(value, cols, 0.3);
        const taken = picked.filter((c) => c !== undefined);
        expect(new Set(taken).size).toBe(taken.length);
        const gained = picked.reduce<number>((sum, c, r) => sum + (c === undefined ? 0 : value[r]![c]! - 0.3), 0);
        expect(gained).toBeCloseTo(bruteBest(value, cols, 0.3), 9);
        expect(total(value, picked)).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
