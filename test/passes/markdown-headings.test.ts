import { detectDialect } from '../../src/passes/detect-dialect.js';
import { markdownHeadings } from '../../src/passes/markdown-headings.js';
import { stripGlyphs } from '../../src/passes/strip-glyphs.js';
import { testPass } from '../pass-tester.js';

/** OUTPUT.md rule 4: Markdown heading marks are not text; the level they gave is kept on the line. */
testPass(markdownHeadings, {
  before: [detectDialect, stripGlyphs],
  valid: [
    {
      name: 'reads the level and removes the marks',
      text: ['### 北坡县：养老驿站开张', '正文'],
      lines: [{ heading: 3, text: '北坡县：养老驿站开张' }, { heading: 0, text: '正文' }],
    },
    { name: 'one to six marks are a level', text: ['# 一', '###### 六'], lines: [{ heading: 1, text: '一' }, { heading: 6, text: '六' }] },
    { name: 'closing marks go too', text: '## 东岸社区康复站启用 ##', lines: [{ heading: 2, text: '东岸社区康复站启用' }] },
    { name: 'seven marks are no heading', text: ['####### 七', '## 二'], lines: [{ heading: 0, text: '####### 七' }, { heading: 2 }] },
    { name: 'marks without a space after them are text', text: ['#号楼', '## 二'], lines: [{ heading: 0, text: '#号楼' }, { heading: 2 }] },
    { name: 'an indented heading, once strip-glyphs took the indent', text: '  ## 社区动态', lines: [{ heading: 2, text: '社区动态', indent: 2 }] },
    { name: 'does nothing to raw pages, where # is text', text: ['# 号楼', '社区服务中心'], dialect: 'raw', lines: [{ heading: 0, text: '# 号楼' }, { text: '社区服务中心' }] },
  ],
});
