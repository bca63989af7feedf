import { runSubgraph } from '@talentgraph/platform';
import { loadConfig } from './config.ts';
import { matchingSubgraph } from './subgraph.ts';

await runSubgraph(matchingSubgraph, loadConfig);
