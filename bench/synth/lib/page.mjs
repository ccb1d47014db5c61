// One generated page: its name, text, gold and tags, from (seed, index) alone.
import { Rng, hash32 } from './prng.mjs';
import { composeRaw } from './raw.mjs';
import { composeMd } from './md.mjs';

export function pageName(seed, index) {
  const r = new Rng(hash32(`name\u0001${seed}\u0001${index}`));
  return `${String(index).padStart(4, '0')}_${r.hex(16)}`;
}

export function generatePage(seed, index, bank, { dialect = 'mix' } = {}) {
  const rng = Rng.for('synth', seed, index);
  const d = dialect === 'mix' ? (rng.chance(0.55) ? 'raw' : 'md') : dialect;
  const n = Math.min(bank.length - 1, Number(rng.weighted(d === 'raw' ? { 2: 1, 3: 3, 4: 4, 5: 3, 6: 1 } : { 2: 2, 3: 4, 4: 3, 5: 2, 6: 1 })));
  const order = rng.shuffle(bank.map((_, i) => i));
  const picks = order.slice(0, n).map((i) => bank[i]);
  const others = order.slice(n).map((i) => bank[i]);
  // the headline forms of lib/forms.mjs draw from a stream of their own, so that adding them
  // left every page that shows none of them as it was
  const frng = Rng.for('synth-forms', seed, index);
  const page = d === 'raw' ? composeRaw(rng, picks, others, frng) : composeMd(rng, picks, frng);
  const name = pageName(seed, index);
  return { name, dialect: d, text: page.text, gold: { source: `${name}.txt`, ...page.gold }, tags: page.tags };
}
