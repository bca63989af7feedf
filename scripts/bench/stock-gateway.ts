/**
 * The baseline of the gateway benchmark: stock `@apollo/gateway` in Apollo Server 5 as their
 * documentation starts it (standalone server, default options, no plugin), serving a supergraph file.
 *
 *   node scripts/bench/stock-gateway.ts <supergraph file> <port>
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const [supergraphPath, port] = process.argv.slice(2);
const server = new ApolloServer({
  gateway: new ApolloGateway({ supergraphSdl: readFileSync(supergraphPath!, 'utf8') }),
  // The benchmark stops it with SIGTERM and needs a normal exit (a CPU profile is written at exit).
  stopOnTerminationSignals: false,
});
const { url } = await startStandaloneServer(server, { listen: { host: '127.0.0.1', port: Number(port) } });
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
console.log(`stock gateway ready at ${url}`);
