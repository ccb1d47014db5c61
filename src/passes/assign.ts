/**
 * The one-to-one assignment of rows to columns that maximises the total value (the Hungarian
 * method, in its shortest-augmenting-path form). A row may stay unassigned: each row also has
 * a column of its own worth `unassigned`, so a pair is taken only when it beats leaving both
 * free. Pairs worth less than `unassigned` (or not finite) are never taken.
 *
 * Pages are decided as a whole, but their score matrices are sparse: a headline shares words
 * with one body or two. The matrix is therefore cut into connected parts (rows linked through
 * columns they could take) and each part solved alone, so a page of a thousand articles costs
 * about a thousand small problems, not one of a thousand cubed.
 */
export function bestAssignment(value: readonly ArrayLike<number>[], columns: number, unassigned = 0): (number | undefined)[] {
  const rows = value.length;
  const result: (number | undefined)[] = new Array(rows).fill(undefined);
  const usable = (r: number, c: number) => Number.isFinite(value[r]![c]!) && value[r]![c]! > unassigned;
  // Most pages need no search: no headline could take two bodies, and no body is wanted twice.
  const rowUses = new Int32Array(rows);
  const colUses = new Int32Array(columns);
  let contested = false;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (!usable(r, c)) continue;
      if (++rowUses[r]! > 1 || ++colUses[c]! > 1) contested = true;
      result[r] = c;
    }
  }
  if (!contested) return result;
  result.fill(undefined);
  // connected parts, by union-find over rows and columns
  const parent = Array.from({ length: rows + columns }, (_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) x = parent[x] = parent[parent[x]!]!;
    return x;
  };
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) if (usable(r, c)) parent[find(r)] = find(rows + c);
  const parts = new Map<number, { rows: number[]; cols: number[] }>();
  const partOf = (x: number) => {
    const root = find(x);
    let p = parts.get(root);
    if (!p) parts.set(root, (p = { rows: [], cols: [] }));
    return p;
  };
  for (let r = 0; r < rows; r++) partOf(r).rows.push(r);
  for (let c = 0; c < columns; c++) partOf(rows + c).cols.push(c);
  for (const { rows: rs, cols: cs } of parts.values()) {
    if (rs.length === 0 || cs.length === 0) continue;
    // most parts are one headline and the one body it could take, or one body several could
    if (rs.length === 1 || cs.length === 1) {
      let best = -1;
      let bestR = -1;
      let bestC = -1;
      for (const r of rs) for (const c of cs) if (usable(r, c) && value[r]![c]! > best) { best = value[r]![c]!; bestR = r; bestC = c; }
      if (bestR >= 0) result[bestR] = bestC;
      continue;
    }
    const picked = solve(rs.map((r) => Float64Array.from(cs, (c) => (usable(r, c) ? value[r]![c]! - unassigned : 0))));
    picked.forEach((k, i) => {
      if (k !== undefined && usable(rs[i]!, cs[k]!)) result[rs[i]!] = cs[k]!;
    });
  }
  return result;
}

/**
 * Maximum-weight assignment on a dense matrix of non-negative gains (0: not worth taking).
 * Each row gets its own zero-gain column too, so rows never compete for a place they gain
 * nothing from. (Typed rows: a row of numbers is a different kind of array when all its gains
 * are 0 than when one is a fraction, and code compiled for one kind is thrown away at the other.)
 */
function solve(gain: readonly Float64Array[]): (number | undefined)[] {
  const n = gain.length;
  const m = gain[0]!.length + n;
  // minimise cost = max - gain over an n × m matrix, rows ≤ columns
  let max = 0;
  for (const row of gain) for (const g of row) if (g > max) max = g;
  const cost = (i: number, j: number) => (j < m - n ? max - gain[i]![j]! : j - (m - n) === i ? max : max + 1);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: the row (1-based) in column j, 0 for none
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = cost(i0 - 1, j - 1) - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[p[j]!]! += delta;
          v[j]! -= delta;
        } else minv[j]! -= delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0);
  }
  const out: (number | undefined)[] = new Array(n).fill(undefined);
  for (let j = 1; j <= m - n; j++) if (p[j]) out[p[j]! - 1] = j - 1;
  return out;
}
