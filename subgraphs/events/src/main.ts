import { runSubgraph } from '@talentgraph/platform';
import { loadConfig } from './config.ts';
import { eventsSubgraph } from './subgraph.ts';

await runSubgraph(eventsSubgraph, loadConfig);
