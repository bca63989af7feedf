import { runSubgraph } from '@talentgraph/platform';
import { loadConfig } from './config.ts';
import { communitySubgraph } from './subgraph.ts';

await runSubgraph(communitySubgraph, loadConfig);
