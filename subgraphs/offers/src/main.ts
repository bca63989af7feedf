import { runSubgraph } from '@talentgraph/platform';
import { loadConfig } from './config.ts';
import { offersSubgraph } from './subgraph.ts';

await runSubgraph(offersSubgraph, loadConfig);
