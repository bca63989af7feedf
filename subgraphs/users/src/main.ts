import { runSubgraph } from '@talentgraph/platform';
import { loadConfig } from './config.ts';
import { usersSubgraph } from './subgraph.ts';

await runSubgraph(usersSubgraph, loadConfig);
