import { describe, expect, it } from 'vitest';
import { scriptsOfHtml, staticImportsOfJs } from '../../../scripts/bench/bundle-sizes';

describe('scriptsOfHtml', () => {
  it('should list module scripts and modulepreloads, not stylesheets', () => {
    const html = `<head>
      <script type="module" crossorigin src="/chunks/popup-CH83vUa5.js"></script>
      <link rel="modulepreload" crossorigin href="/chunks/tokens-model-gZ8mq4yS.js">
      <link rel="stylesheet" crossorigin href="/assets/tokens-model-CfthrvAW.css">
    </head>`;
    expect(scriptsOfHtml(html)).toEqual(['/chunks/popup-CH83vUa5.js', '/chunks/tokens-model-gZ8mq4yS.js']);
  });
});

describe('staticImportsOfJs', () => {
  it.each([
    {
      code: 'import{a as e,f as t}from"./tokens-model-gZ8mq4yS.js";e()',
      imports: ['./tokens-model-gZ8mq4yS.js'],
    },
    {
      code: 'import"./side-effect.js";import * as n from "../x.js"',
      imports: ['./side-effect.js', '../x.js'],
    },
    { code: 'export{a}from"./re-export.js"', imports: ['./re-export.js'] },
    { code: 'const m=import("./lazy.js")', imports: [] },
    { code: 'const s="import nothing"', imports: [] },
  ])('should find $imports in $code', ({ code, imports }) => {
    expect(staticImportsOfJs(code)).toEqual(imports);
  });
});
