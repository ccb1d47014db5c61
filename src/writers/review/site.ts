import escapeHtml from 'escape-html';
import { writeOutputFile, writePageFiles } from '../files.js';
import { INDEX_SCRIPT, STYLE } from './assets.js';
import { counted, type ReviewEntry } from './page-view.js';

export { reviewPage, overridesKey, pageViewFile, parseCloseCall, type ReviewEntry, type ReviewPage, type CloseCall } from './page-view.js';

/**
 * Worst first: the pages with most close calls, then most warnings, are the ones an editor
 * reads first; ties go by source path, so the index is the same on every run.
 */
export function byWorstFirst(a: ReviewEntry, b: ReviewEntry): number {
  return b.closeCalls - a.closeCalls || b.warnings - a.warnings || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
}

/** The site's front page: every page with its counts, worst first, with a filter box. */
export function reviewIndex(entries: readonly ReviewEntry[]): string {
  const sorted = [...entries].sort(byWorstFirst);
  const rows = sorted
    .map((e) => {
      const href = e.file.split('/').map(encodeURIComponent).join('/');
      const filterText = [e.source, ...e.headlines].join('\n').toLowerCase();
      return (
        `<tr data-filter="${escapeHtml(filterText)}"><td class="src"><a href="${escapeHtml(href)}">${escapeHtml(e.source)}</a></td>` +
        `<td>${e.articles}</td><td>${e.warnings}</td><td>${e.closeCalls}</td><td>${e.overrides}</td></tr>`
      );
    })
    .join('\n');
  const total = (k: 'articles' | 'warnings' | 'closeCalls' | 'overrides') => entries.reduce((n, e) => n + e[k], 0);
  return `<!doctype html>
<html lang="zh">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>bulletin review</title>
<style>${STYLE}</style>
</head>
<body class="index">
<header class="top">
<h1>bulletin review</h1>
<p class="counts"><span>${counted(entries.length, 'page')}</span> <span>${counted(total('articles'), 'article')}</span> <span>${counted(total('warnings'), 'warning')}</span> <span>${counted(total('closeCalls'), 'close call')}</span> <span>${counted(total('overrides'), 'override')} applied</span></p>
<p><label>Filter <input id="filter" type="search" placeholder="a path or a headline" autocomplete="off"></label> <span id="shown">${entries.length} of ${entries.length} pages</span></p>
</header>
<main>
<table id="pages"><thead><tr><th>page</th><th>articles</th><th>warnings</th><th>close calls</th><th>overrides</th></tr></thead>
<tbody>
${rows}
</tbody></table>
</main>
<script>${INDEX_SCRIPT}</script>
</body>
</html>
`;
}

/**
 * The site, written atomically as the other outputs are: each page view under `pages/`, then
 * the index, so that an index never links to a view not yet written.
 */
export function writeReviewPages(root: string, pages: ReadonlyMap<string, string>): void {
  if (pages.size) writePageFiles(root, new Map(pages));
}

export function writeReviewIndex(root: string, entries: readonly ReviewEntry[]): void {
  writeOutputFile(root, 'index.html', reviewIndex(entries));
}
