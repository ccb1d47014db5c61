/**
 * What a plugin is written with: the API the built-in passes use, no more and no other.
 * `import { definePass, pageWith } from 'bulletin'` in a plugin file; README, "Writing a pass".
 */
export { definePass, defineLinePass, outOfRange } from './passes/pass.js';
export type { LinePassDefinition, OptionSpec, OptionSpecs, Pass, PassContext, PassDefinition, PassOptions, Place, Report } from './passes/pass.js';
export type { Article, Block, BlockKind, Dialect, Furniture, Line, LineSpan, Message, Page, Severity } from './model/types.js';
export * from './model/page.js';
