/**
 * graphql's type predicates, by each type's `Symbol.toStringTag` instead of `instanceof`: under
 * Vitest the schema (built through Pothos) holds types of graphql's CommonJS build while this
 * suite imports the ES module build, and graphql's own predicates throw across the two.
 */
import type {
  GraphQLEnumType,
  GraphQLList,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLOutputType,
} from 'graphql';

const tag = (type: unknown) => Object.prototype.toString.call(type).slice(8, -1);

export const isListType = (type: unknown): type is GraphQLList<GraphQLOutputType> =>
  tag(type) === 'GraphQLList';
export const isObjectType = (type: unknown): type is GraphQLObjectType =>
  tag(type) === 'GraphQLObjectType';
export const isEnumType = (type: unknown): type is GraphQLEnumType =>
  tag(type) === 'GraphQLEnumType';
export const isLeafType = (type: unknown) => tag(type) === 'GraphQLScalarType' || isEnumType(type);

export function getNullableType(type: GraphQLOutputType): GraphQLOutputType {
  return tag(type) === 'GraphQLNonNull' ? (type as { ofType: GraphQLOutputType }).ofType : type;
}

export function getNamedType(type: GraphQLOutputType): GraphQLNamedType {
  let at: unknown = type;
  while (tag(at) === 'GraphQLNonNull' || tag(at) === 'GraphQLList')
    at = (at as { ofType: unknown }).ofType;
  return at as GraphQLNamedType;
}
