/**
 * The baseline of the gateway benchmark: stock `@apollo/gateway` in Apollo Server 5 as their
 * documentation starts it (standalone server, default options, no plugin), serving a supergraph file,
 * with the one addition their documentation gives for authenticated subgraphs: the client's
 * `Authorization` header passed on to every subgraph fetch (`willSendRequest`), so that a signed-in
 * caller gets what they may see, as through our gateway.
 *
 *   node scripts/bench/stock-gateway.ts <supergraph file> <port>
 */
import { readFileSync } from 'node:fs';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

interface CallerContext {
  readonly authorization: string | undefined;
}

const [supergraphPath, port] = process.argv.slice(2);
const server = new ApolloServer<CallerContext>({
  gateway: new ApolloGateway({
    supergraphSdl: readFileSync(supergraphPath!, 'utf8'),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource<CallerContext>({
        url,
        willSendRequest({ request, context }) {
          if (context.authorization) request.http?.headers.set('authorization', context.authorization);
        },
      }),
  }),
  // The benchmark stops it with SIGTERM and needs a normal exit (a CPU profile is written at exit).
  stopOnTerminationSignals: false,
});
const { url } = await startStandaloneServer(server, {
  listen: { host: '127.0.0.1', port: Number(port) },
  context: async ({ req }) => ({ authorization: req.headers.authorization }),
});
process.once('SIGTERM', () => void server.stop().then(() => process.exit(0)));
console.log(`stock gateway ready at ${url}`);
