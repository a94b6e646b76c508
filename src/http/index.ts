export type { AccountLimiterOptions, RequestBudget } from './account-limiter.js';
export type { CircuitBreakerOptions, CircuitState } from './circuit-breaker.js';
export { createHttpClient } from './client.js';
export { unexpectedBodyError } from './errors.js';
export type {
  CallEnd,
  CallObserver,
  CallStart,
  CallWatch,
  RefusalCause,
} from './observer.js';
export type { HttpClientOptions } from './options.js';
export {
  createUpstreamRecorder,
  discardRecorder,
  type UpstreamCall,
  type UpstreamRecorder,
  type UpstreamSummary,
} from './recorder.js';
export { parseRetryAfterValue, windowResetRetryAfter } from './retry-after.js';
export type {
  HttpClient,
  RetryAfterParser,
  Sleep,
  ThrottleRecognizer,
  UpstreamHeaders,
  UpstreamMethod,
  UpstreamRequest,
  UpstreamResponse,
} from './types.js';
