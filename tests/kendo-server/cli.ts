// Runs the test server by hand: `npx tsx tests/kendo-server/cli.ts --port 8443`.
// Start Chromium with --host-resolver-rules="MAP *.kendo.dev 127.0.0.1:PORT"
// --ignore-certificate-errors to browse https://acme.kendo.dev.
import { startKendoServer } from './index';
import { TOKENS, USERS } from './seed';

function portArg(argv: string[]): number {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--port='))?.slice(7);
  const port = raw === undefined ? 8443 : Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${raw}`);
  return port;
}

const server = await startKendoServer({ port: portArg(process.argv.slice(2)) });
console.log(`kendo-server listening on 127.0.0.1:${server.port}`);
console.log(`port ${server.port}`);
console.log(`demo: ${server.origin('acme')}/projects/1/issues/KD-0042`);
console.log('tokens:');
const who: Record<keyof typeof TOKENS, string> = {
  admin: `${USERS.admin.name}, acme admin`,
  member: `${USERS.member.name}, acme member`,
  viewer: `${USERS.viewer.name}, acme viewer`,
  other: `${USERS.other.name}, acme member`,
  memberReadOnly: `${USERS.member.name}, read scope only`,
  otherTenant: `${USERS.otherTenant.name}, globex member`,
};
for (const [name, token] of Object.entries(TOKENS)) {
  console.log(`  ${name} (${who[name as keyof typeof TOKENS]}):\n    ${token}`);
}

const stop = (): void => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
