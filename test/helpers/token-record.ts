import type { TokenRecord } from '../../utils/store/records';

/** An active token record as the store keeps it, created 2026-11-20 10:00 UTC; `fields` override. */
export function tokenRecord(fields: Partial<TokenRecord> = {}): TokenRecord {
  return {
    service: 'http://127.0.0.1:8787',
    account: '42',
    id: '1',
    name: 'token 1',
    secret: 'header.payload.signature-abcdef',
    created: '2026-11-20T10:00:00.000+00:00',
    createdMs: Date.UTC(2026, 10, 20, 10),
    hasUploads: false,
    lastCopiedAt: null,
    firstSeenAt: 0,
    state: 'active',
    pendingRevoke: null,
    revokedAt: null,
    revokedHere: false,
    sealed: null,
    ...fields,
  };
}
