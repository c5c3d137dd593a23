/** Why the Lambda answered without omnikernel. */
export type FallbackReason = 'timeout' | 'http_error' | 'network_error' | 'bad_response' | 'not_configured';

/**
 * The map returned when omnikernel cannot answer in time. Same keys as a real answer for the keys a
 * flow branches on, all strings, so "Check contact attributes" on `$.External.ok_status` takes the
 * `fallback` branch instead of the flow taking its Error branch.
 */
export function fallbackMap(reason: FallbackReason, extra: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    ok_status: 'fallback',
    ok_reason: reason,
    ok_customerId: '',
    ok_decisionId: '',
    ok_nbo_id: '',
    ok_nbo_title: '',
    ok_nbo_script: '',
    ok_rec_count: '0',
    ok_degraded: 'true',
    ...extra,
  };
}
