/**
 * Output scalars whose values come from providers (an e-mail address, a URL, a date). A value the
 * scalar cannot represent is the provider's fault, not a bug of hrgraph: it ends as null with
 * UPSTREAM_BAD_RESPONSE at its field, and the message names the type, never the value (it is
 * personal data). Unwrapped, graphql-scalars throws an uncoded error quoting the value, which the
 * server masks as INTERNAL_SERVER_ERROR. Parsing a client's input is left as the scalar does it.
 *
 * The executor turns any GraphQLError thrown while serialising into a plain Error (dropping its
 * code), so the failure is thrown as an `UnrepresentableValueError` and the server's error
 * masking (src/server/mask-errors.ts) gives it its code.
 */
import { GraphQLScalarType } from 'graphql';

export class UnrepresentableValueError extends Error {
  override readonly name = 'UnrepresentableValueError';
  constructor(readonly scalar: string) {
    super(`The provider sent a value that is not a valid ${scalar}`);
  }
}

export function isUnrepresentableValue(error: unknown): error is UnrepresentableValueError {
  return error instanceof Error && error.name === 'UnrepresentableValueError';
}

export function providerScalar<T extends GraphQLScalarType>(scalar: T): T {
  const config = scalar.toConfig();
  return new GraphQLScalarType({
    ...config,
    serialize(value) {
      try {
        return config.serialize(value);
      } catch {
        throw new UnrepresentableValueError(scalar.name);
      }
    },
  }) as T;
}
