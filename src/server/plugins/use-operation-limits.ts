/**
 * Bounds on a document's shape, checked at validation before anything runs: selection depth
 * (through fragments) and the number of aliases. Aliases multiply work (`a: node(…) b: node(…)`
 * …), depth multiplies it along relations (`manager { manager { … } }`). Introspection fields are
 * not counted, so GraphiQL's schema query always passes. The armor packages do the same with more
 * knobs; two small rules keep the dependency list short.
 */
import {
  type ASTVisitor,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badInput } from '../../core/errors.js';

export interface OperationLimitsOptions {
  /** Deepest selection allowed, counting fields from the root. @default 15 */
  maxDepth?: number;
  /** Most aliases in one document. @default 30 */
  maxAliases?: number;
}

function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  let deepest = 0;
  for (const selection of set?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value.startsWith('__')) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, visiting));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, visiting));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      // A fragment cycle is reported by graphql's own NoFragmentCycles rule.
      if (!fragment || visiting.has(name)) continue;
      visiting.add(name);
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, visiting));
      visiting.delete(name);
    }
  }
  return deepest;
}

function limitsRule(maxDepth: number, maxAliases: number) {
  return function operationLimitsRule(context: ValidationContext): ASTVisitor {
    const document = context.getDocument();
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION)
        fragments[definition.name.value] = definition;
    }
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      OperationDefinition: {
        leave(node) {
          const depth = depthOf(node.selectionSet, fragments, new Set());
          if (depth > maxDepth) {
            context.reportError(
              badInput(`The operation is ${depth} levels deep; at most ${maxDepth} are allowed.`, {
                maxDepth,
              }),
            );
          }
        },
      },
      Document: {
        leave() {
          if (aliases > maxAliases) {
            context.reportError(
              badInput(`The document has ${aliases} aliases; at most ${maxAliases} are allowed.`, {
                maxAliases,
              }),
            );
          }
        },
      },
    };
  };
}

export function useOperationLimits(options: OperationLimitsOptions = {}): Plugin {
  const { maxDepth = 15, maxAliases = 30 } = options;
  const rule = limitsRule(maxDepth, maxAliases);
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(rule);
    },
  };
}
