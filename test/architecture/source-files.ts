/**
 * The source files of src/ as TypeScript sees them: their imports (static, type-only and
 * dynamic, resolved to files) and their code without comments, for the architecture tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export const root = resolve(import.meta.dirname, '../..');

export interface SourceImport {
  /** Repository-relative path of the file imported. */
  readonly target: string;
  readonly kind: 'static' | 'type' | 'dynamic';
}

export interface SourceFile {
  /** Repository-relative path: `src/loaders/planner.ts`. */
  readonly path: string;
  readonly imports: readonly SourceImport[];
  /** The file's code with every comment removed. */
  readonly code: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return walk(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

const printer = ts.createPrinter({ removeComments: true });

function withoutComments(file: ts.SourceFile): string {
  return printer.printFile(file);
}

function importsOf(path: string, file: ts.SourceFile): SourceImport[] {
  const out: SourceImport[] = [];
  const add = (specifier: string, kind: SourceImport['kind']) => {
    if (!specifier.startsWith('.')) return;
    const target = resolve(dirname(path), specifier).replace(/\.js$/, '.ts');
    out.push({ target: relative(root, target), kind });
  };
  function visit(node: ts.Node): void {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      const typeOnly = ts.isImportDeclaration(node)
        ? node.importClause?.isTypeOnly === true ||
          (node.importClause?.namedBindings !== undefined &&
            ts.isNamedImports(node.importClause.namedBindings) &&
            node.importClause.name === undefined &&
            node.importClause.namedBindings.elements.every((e) => e.isTypeOnly))
        : node.isTypeOnly ||
          (node.exportClause !== undefined &&
            ts.isNamedExports(node.exportClause) &&
            node.exportClause.elements.every((e) => e.isTypeOnly));
      add(node.moduleSpecifier.text, typeOnly ? 'type' : 'static');
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      add(node.arguments[0].text, 'dynamic');
    }
    ts.forEachChild(node, visit);
  }
  visit(file);
  return out;
}

export function sourceFiles(): SourceFile[] {
  return walk(join(root, 'src')).map((absolute) => {
    const text = readFileSync(absolute, 'utf8');
    const file = ts.createSourceFile(absolute, text, ts.ScriptTarget.Latest, true);
    return {
      path: relative(root, absolute),
      imports: importsOf(absolute, file),
      code: withoutComments(file),
    };
  });
}
