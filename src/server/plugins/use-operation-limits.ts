/**
 * Bounds on a document's shape, by graphql-armor: tokens while parsing, then selection depth,
 * aliases, directives and cost at validation, before anything runs. Aliases multiply work
 * (`a: node(…) b: node(…)` …), depth multiplies it along relations (`manager { manager { … } }`),
 * page sizes multiply it along connections; the token bound stops a document before the parser
 * recurses deep enough to overflow the stack (a 5,000-level document is a refusal, not a crash).
 *
 * Each armor rule walks a fragment once per document and remembers its result, so the cost of
 * checking is linear in the document, however often fragments spread each other. Every refusal
 * is a BAD_USER_INPUT whose `extensions.limit` names the bound and `extensions.maximum` its value.
 */
import { type CostLimitOptions, costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { type MaxAliasesOptions, maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { type MaxDepthOptions, maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  type MaxDirectivesOptions,
  maxDirectivesRule,
} from '@escape.tech/graphql-armor-max-directives';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError, ValidationContext, ValidationRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { badInput } from '../../core/errors.js';

export interface OperationLimitsOptions {
  /** Deepest selection, counting fields from the root; fragments add no level. @default 15 */
  maxDepth?: number;
  /** Most aliases in one operation, each fragment counted where it is spread. @default 30 */
  maxAliases?: number;
  /** Most directives in one operation, counted like aliases. @default 50 */
  maxDirectives?: number;
  /**
   * Most lexical tokens in one document. It also bounds nesting, which the parser reads by
   * recursion: 2,000 tokens nest at most 666 selections or 1,000 list values deep, and a default
   * stack overflows past about 2,000 of either.
   * @default 2000
   */
  maxTokens?: number;
  /**
   * Most cost per operation in graphql-armor's measure: 1 per leaf, 2 per object, ×1.5 per
   * level, times a literal `first`/`last` on the field (a page size given by a variable counts
   * once). A page of 1,000 employees with ten fields and three relations costs about 45,000;
   * 20 employees with a page of 1,000 direct reports each, about 330,000; 1,000 employees with
   * 1,000 direct reports each, 16 million.
   * @default 1000000
   */
  maxCost?: number;
}

export const defaultOperationLimits: Required<OperationLimitsOptions> = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectives: 50,
  maxTokens: 2000,
  maxCost: 1_000_000,
};

type Limit = keyof OperationLimitsOptions;

const described: Record<Limit, (maximum: number, found: string) => string> = {
  maxDepth: (max, found) => `The operation is ${found}levels deep; at most ${max} are allowed.`,
  maxAliases: (max, found) => `The operation has ${found}aliases; at most ${max} are allowed.`,
  maxDirectives: (max, found) =>
    `The operation has ${found}directives; at most ${max} are allowed.`,
  maxTokens: (max) => `The document has more than ${max} tokens.`,
  maxCost: (max, found) => `The operation would cost ${found}; at most ${max} is allowed.`,
};

/** armor says what it found only in its message ("…, found 16."); left out when it does not. */
function foundIn(error: GraphQLError | undefined, limit: Limit): string {
  const found = /found (\d+(?:\.\d+)?(?:e\+\d+)?)/.exec(error?.message ?? '')?.[1];
  if (found === undefined) return limit === 'maxCost' ? 'more' : 'too many ';
  return limit === 'maxCost' ? String(Math.round(Number(found))) : `${found} `;
}

function limitError(limit: Limit, maximum: number, armorError?: GraphQLError) {
  return badInput(described[limit](maximum, foundIn(armorError, limit)), { limit, maximum });
}

/**
 * The token bound throws from inside the parser, where yoga's validation-error handling never
 * sees it: it states its HTTP status itself, as yoga does for its own parse failures (400 under
 * application/graphql-response+json, 200 under legacy application/json).
 */
function tokenError(maximum: number) {
  const error = limitError('maxTokens', maximum);
  return badInput(error.message, { ...error.extensions, http: { status: 400, spec: true } });
}

/** armor's callbacks, reporting our error instead of throwing its own (which has no code). */
function reportAs(limit: Limit, maximum: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      function reportLimit(context: ValidationContext | null, error: GraphQLError) {
        context?.reportError(limitError(limit, maximum, error));
      },
    ],
  };
}

/** The validation rules the limits add; exported so tests can count what they visit. */
export function operationLimitRules(options: OperationLimitsOptions = {}): ValidationRule[] {
  const { maxDepth, maxAliases, maxDirectives, maxCost } = {
    ...defaultOperationLimits,
    ...options,
  };
  const depth: MaxDepthOptions = {
    n: maxDepth,
    flattenFragments: true,
    ...reportAs('maxDepth', maxDepth),
  };
  const aliases: MaxAliasesOptions = { n: maxAliases, ...reportAs('maxAliases', maxAliases) };
  const directives: MaxDirectivesOptions = {
    n: maxDirectives,
    ...reportAs('maxDirectives', maxDirectives),
  };
  const cost: CostLimitOptions = {
    maxCost,
    flattenFragments: true,
    ...reportAs('maxCost', maxCost),
  };
  return [
    maxDepthRule(depth),
    maxAliasesRule(aliases),
    maxDirectivesRule(directives),
    costLimitRule(cost),
  ];
}

export function useOperationLimits(options: OperationLimitsOptions = {}): Plugin {
  const { maxTokens } = { ...defaultOperationLimits, ...options };
  const rules = operationLimitRules(options);
  const tokens = maxTokensPlugin({
    n: maxTokens,
    onReject: [
      function refuseTokens() {
        // Thrown from inside the lexer: the parse stops at the first token past the bound.
        throw tokenError(maxTokens);
      },
    ],
  });
  return {
    onParse: tokens.onParse,
    onValidate({ addValidationRule }) {
      for (const rule of rules) addValidationRule(rule);
    },
  };
}
