import { parseText } from '../helpers.js';

/**
 * issue 15 item 17: an emoji sequence is one character and stays whole (OUTPUT.md rule 4); a
 * zero-width joiner anywhere else is a stray glyph. This held already when the item was checked;
 * the test keeps it held for every kind of sequence, through the whole pipeline.
 */
const bodyText = (text: string) => parseText(text, 'emoji').articles.flatMap((a) => a.body.map((b) => b.text)).join('');

describe('emoji sequences survive the default passes whole', () => {
  test.each([
    ['a ZWJ family', '👨\u200d👩\u200d👧'],
    ['ZWJ between two emoji with a skin tone', '👩🏽\u200d💻'],
    ['ZWJ after a variation selector', '❤️\u200d🔥'],
    ['a ZWJ flag with a variation selector', '🏳️\u200d🌈'],
    ['two emoji joined twice', '🧑\u200d🤝\u200d🧑'],
    ['a regional-indicator flag', '🇨🇳'],
    ['a tag-sequence flag', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
    ['a digit keycap', '1\ufe0f\u20e3'],
    ['a # keycap', '#\ufe0f\u20e3'],
  ])('%s', (_kind, emoji) => {
    const text = bodyText(`本报讯 社区活动现场，孩子们画了${emoji}送给老人，大家都很开心。\n`);
    expect(text).toContain(`画了${emoji}送给`);
  });

  test('a joiner that is not inside an emoji sequence is dropped, and so are other zero-width characters', () => {
    const text = bodyText('本报讯 社\u200d工走进社区\u200b，为老人\u200d服务😀\u200d。\n');
    expect(text).toContain('社工走进社区，为老人服务😀。');
    expect(text).not.toContain('\u200d');
  });
});
