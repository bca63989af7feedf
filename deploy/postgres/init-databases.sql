-- Each subgraph owns its database (no cross-subgraph joins); this creates them on the first start of an
-- empty data volume. Schemas are created by each subgraph's migrations (MIGRATE_ON_START=true).
CREATE DATABASE talentgraph_users;
CREATE DATABASE talentgraph_profiles;
CREATE DATABASE talentgraph_offers;
CREATE DATABASE talentgraph_matching;
CREATE DATABASE talentgraph_community;
CREATE DATABASE talentgraph_events;
