import { cli } from '../helpers.js';

// The structure-recognition bar of the issue on the seed pages, as a CI gate: `bulletin eval`
// exits 1 when any score falls below it. (eval's agreement with the reference scorer is
// tested in test/e2e/eval.test.ts.)
test('seed pages score above the bar', () => {
  const r = cli(['eval', '--gold', 'fixtures/seed-gold', 'seeds', '--json',
    '--min-f1', '0.95', '--min-headline', '0.9', '--max-cer', '0.005', '--min-para-f1', '0.9',
    '--min-exact', '0.85', '--min-fields', '0.9', '--max-lost', '0', '--max-added', '0']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).summary).toMatchObject({ pages: 5, lost: 0, extra: 0 });
});

// Full pages mixing many artifacts, written by people who had not read the code (the blind
// set was scored before the rules it exposed were fixed). Their scores are a floor: the rules
// may get better here, never worse.
test.each([
  ['holdout', 8],
  ['blind', 6],
])('mixed full pages (fixtures/%s) keep their articles, headlines and paragraphs', (set, pages) => {
  const r = cli(['eval', '--gold', `fixtures/${set}/gold`, `fixtures/${set}/pages`, '--json',
    '--min-f1', '0.97', '--min-headline', '0.95', '--max-cer', '0.005', '--min-para-f1', '0.95',
    '--min-fields', '0.95', '--max-lost', '0', '--max-added', '0']);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout).summary.pages).toBe(pages);
});
