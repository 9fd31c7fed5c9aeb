import ts from 'typescript';

// The house rules a reader relies on (house-style.md), as pure checks over source text, so the
// convention test can prove each one fails on a breach (conventions.test.ts).

export interface Breach {
  file: string;
  line: number;
  rule: string;
}

const FEATURE_FILE = /^utils\/([^/]+)\/.+$/;

/** The feature folder a path belongs to (`utils/fill/page.ts` → `fill`), or null. */
export function featureOf(path: string): string | null {
  return FEATURE_FILE.exec(path)?.[1] ?? null;
}

function parse(file: string, text: string): ts.SourceFile {
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind);
}

function lineOf(source: ts.SourceFile, node: ts.Node): number {
  return source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
}

/** Every relative module specifier in `text`, resolved against `file` to a repo path. */
function specifiers(source: ts.SourceFile): { node: ts.Node; spec: string }[] {
  const found: { node: ts.Node; spec: string }[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push({ node, spec: node.moduleSpecifier.text });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg && ts.isStringLiteral(arg)) found.push({ node, spec: arg.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function joinPath(file: string, spec: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/**
 * A feature reaches another only through the folder's index (`../fill`, never `../fill/page`):
 * the index is the list of what a folder offers the others.
 */
export function reachIns(file: string, text: string): Breach[] {
  const source = parse(file, text);
  const own = featureOf(file);
  return specifiers(source).flatMap(({ node, spec }) => {
    if (!spec.startsWith('.')) return [];
    const target = joinPath(file, spec);
    const feature = /^utils\/([^/]+)\/(.+)$/.exec(target);
    if (!feature || feature[1] === own || feature[2] === 'index') return [];
    return [{ file, line: lineOf(source, node), rule: `reaches into ${target}; import ../${feature[1]}` }];
  });
}

/** Functions longer than `max` lines (declarations, arrows, methods, function expressions). */
export function longFunctions(file: string, text: string, max = 80): Breach[] {
  const source = parse(file, text);
  const found: Breach[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = lineOf(source, node);
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      if (end - start + 1 > max) {
        found.push({ file, line: start, rule: `function of ${end - start + 1} lines (over ${max})` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Components receive what they need as props: no `wxt/browser`, no idb, no fetch. */
export function componentReach(file: string, text: string): Breach[] {
  const source = parse(file, text);
  const breaches: Breach[] = specifiers(source)
    .filter(({ spec }) => spec === 'wxt/browser' || spec === 'idb' || spec === 'webextension-polyfill')
    .map(({ node, spec }) => ({ file, line: lineOf(source, node), rule: `imports ${spec}` }));
  const visit = (node: ts.Node): void => {
    if (
      ts.isIdentifier(node) &&
      (node.text === 'fetch' || node.text === 'chrome' || node.text === 'indexedDB')
    ) {
      const parent = node.parent;
      const isName = ts.isPropertyAccessExpression(parent) && parent.name === node;
      if (!isName && !ts.isPropertyAssignment(parent)) {
        breaches.push({ file, line: lineOf(source, node), rule: `uses ${node.text}` });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return breaches;
}

/**
 * Message names exist in one place (utils/messages.ts): anywhere else, an object literal with a
 * string `type` property is a message sent past the typed clients.
 */
export function looseMessages(file: string, text: string): Breach[] {
  const source = parse(file, text);
  const found: Breach[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isObjectLiteralExpression(node)) {
      for (const prop of node.properties) {
        if (
          ts.isPropertyAssignment(prop) &&
          prop.name.getText(source) === 'type' &&
          ts.isStringLiteralLike(prop.initializer) &&
          node.properties.length > 1
        ) {
          found.push({
            file,
            line: lineOf(source, prop),
            rule: `message '${prop.initializer.text}' outside the contract`,
          });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Entrypoints are wiring: short, and no function of their own longer than a screenful. */
export function fatEntrypoint(file: string, text: string, maxLines = 80): Breach[] {
  const lines = text.split('\n').length;
  const long = longFunctions(file, text, 60);
  return [
    ...(lines > maxLines ? [{ file, line: 1, rule: `entrypoint of ${lines} lines (over ${maxLines})` }] : []),
    ...long,
  ];
}

/** A feature folder says at its top what it owns and offers: `// utils/<name>/: …` in its index. */
export function folderHeader(folder: string, index: string | null): Breach[] {
  const file = `${folder}/index.ts`;
  if (index === null) return [{ file, line: 1, rule: 'feature folder without an index.ts' }];
  return index.startsWith(`// ${folder}/: `) ? [] : [{ file, line: 1, rule: `no "// ${folder}/: …" header` }];
}
