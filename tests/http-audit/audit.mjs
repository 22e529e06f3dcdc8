// graphql-http's server audits (the GraphQL-over-HTTP spec's reference implementation)
// against a running service: `node audit.mjs http://127.0.0.1:18089/graphql`.
// Prints every audit that did not pass and a summary line; exits 1 when a MUST fails or a
// SHOULD is missed (a MAY not taken is only reported).
import { auditServer } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql endpoint URL>');
  process.exit(2);
}
const results = await auditServer({ url });
// status: ok, error (a MUST failed), warn (a SHOULD missed), notice (a MAY not taken).
const count = { ok: 0, error: 0, warn: 0, notice: 0 };
for (const result of results) {
  count[result.status] += 1;
  if (result.status !== 'ok') {
    console.log(`${result.status.toUpperCase()} ${result.id} ${result.name}: ${result.reason}`);
  }
}
const mustFailed = count.error;
const shouldMissed = count.warn;
console.log(
  `${results.length} audits: ${count.ok} passed, ${mustFailed} MUST failed, ` +
    `${shouldMissed} SHOULD missed, ${count.notice} MAY not taken`,
);
process.exit(mustFailed + shouldMissed > 0 ? 1 : 0);
