/**
 * Content negotiation of `Accept-Encoding` by negotiator (q-values, `*`, `identity;q=0`), with
 * the server's order breaking ties: browsers list `gzip, deflate, br` at equal weight, and brotli
 * is the smaller.
 */
import Negotiator from 'negotiator';

// @types/negotiator predates the `preferred` option of negotiator 1.x.
type EncodingOf = (available: string[], options: { preferred: string[] }) => string | undefined;

/**
 * The first of `offered` (in the server's order) that the request accepts at its highest
 * weight; undefined when it accepts none of them.
 */
export function pickEncoding(request: Request, offered: readonly string[]): string | undefined {
  const negotiator = new Negotiator({
    headers: { 'accept-encoding': request.headers.get('accept-encoding') ?? undefined },
  });
  const encoding = negotiator.encoding.bind(negotiator) as EncodingOf;
  return encoding([...offered], { preferred: [...offered] });
}
