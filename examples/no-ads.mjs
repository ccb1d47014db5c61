// @ts-check
/**
 * A complete plugin pass: it moves short advertisements out of the articles into page
 * furniture, where text that belongs to no article is kept. Run it with
 *
 *   bulletin parse pages/ --plugin examples/no-ads.mjs
 *
 * or name it in bulletin.config.yaml (`plugins: [examples/no-ads.mjs]`). It runs after the
 * built-in passes, when the page has its articles; `bulletin passes --plugin …` lists it with
 * its options, and `options: { no-ads: { maxChars: 200 } }` in the config changes one.
 */
import { definePass, pageWith } from 'bulletin';

/** @typedef {import('bulletin').Article} Article */

/** @param {Article} a */
const textOf = (a) => [a.headline ?? '', ...a.subheadlines, ...a.body.map((b) => b.text)].join('');

/**
 * An article's strings as furniture, each with its source lines: kept word for word.
 * @param {Article} a
 */
const asFurniture = (a) => [
  ...[a.headline, ...a.subheadlines].flatMap((text) => (text ? [{ text, lines: a.lines }] : [])),
  ...a.body.map((b) => ({ text: b.text, lines: b.lines })),
];

export default definePass({
  name: 'no-ads',
  description: 'Move short articles that carry an advertisement marker to page furniture',
  options: {
    marker: { default: '广告', description: 'the word a printed advertisement carries' },
    maxChars: { default: 120, description: 'an advertisement is at most this long', unit: 'characters', min: 1, integer: true },
  },
  // synchronous, and pure: it returns a new page (or the same one) and changes nothing it was given
  run(page, { marker, maxChars }, { report }) {
    const isAd = (/** @type {Article} */ a) => {
      const text = textOf(a);
      return text.length <= maxChars && text.includes(marker);
    };
    const ads = page.articles.filter(isAd);
    if (ads.length === 0) return page;
    for (const a of ads) {
      // the pipeline adds this pass's name as the message's origin
      report(`moved an advertisement of ${textOf(a).length} characters to furniture`, { line: a.lines[0], endLine: a.lines[1], kind: 'ad-moved' });
    }
    return pageWith(page, {
      articles: page.articles.filter((a) => !isAd(a)),
      furniture: [...page.furniture, ...ads.flatMap(asFurniture)],
    });
  },
});
