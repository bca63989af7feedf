import { runSubgraph } from '@talentgraph/platform';
import { loadConfig } from './config.ts';
import { profilesSubgraph } from './subgraph.ts';

await runSubgraph(profilesSubgraph, loadConfig);
