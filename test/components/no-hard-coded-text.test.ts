import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// A convention test (house style: refined-github's features.test.ts). Text a person reads in a
// component comes from t()/tAround() in utils/lib/i18n.ts, never from a literal. It parses each
// component and reports, with its line:
// - JSX text containing a letter (`<p>Hello</p>`);
// - a string or template literal with a letter given to aria-label, title, placeholder, alt or
//   label (`aria-label="Search"`, aria-label={`Copy ${name}`});
// - a string or template literal with a letter shown as a JSX child (`{busy ? 'Saving…' : …}`).
// Literals elsewhere (class names, ids, types, keys, arguments to t()) are code, not text.
// Not caught: text built in a helper outside the JSX and then rendered; review catches those.
const DIR = join(import.meta.dirname, '../../components');
const VISIBLE_ATTRIBUTES = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
]);
const LETTER = /\p{L}/u;

function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
  return null;
}

/** Literals an expression can evaluate to directly (through ?:, && and ||), not inside calls. */
function shownLiterals(node: ts.Node): ts.Node[] {
  if (literalText(node) !== null) return [node];
  if (ts.isParenthesizedExpression(node)) return shownLiterals(node.expression);
  if (ts.isConditionalExpression(node))
    return [...shownLiterals(node.whenTrue), ...shownLiterals(node.whenFalse)];
  if (ts.isBinaryExpression(node)) return [...shownLiterals(node.left), ...shownLiterals(node.right)];
  return [];
}

function hardCodedText(file: string): string[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(join(DIR, file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: string[] = [];
  const report = (node: ts.Node, text: string): void => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${file}:${line} ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && LETTER.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && VISIBLE_ATTRIBUTES.has(node.name.getText(source)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      for (const literal of value ? shownLiterals(value) : []) {
        const text = literalText(literal) ?? '';
        if (LETTER.test(text)) report(literal, text);
      }
    }
    if (ts.isJsxExpression(node) && node.expression && !ts.isJsxAttribute(node.parent)) {
      for (const literal of shownLiterals(node.expression)) {
        const text = literalText(literal) ?? '';
        if (LETTER.test(text)) report(literal, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  const files = readdirSync(DIR, { recursive: true, encoding: 'utf8' }).filter((file) =>
    file.endsWith('.tsx'),
  );

  it('should find the components', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files)('should hold no hard-coded user-visible text in %s', (file) => {
    expect(hardCodedText(file)).toEqual([]);
  });
});
