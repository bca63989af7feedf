# syntax=docker/dockerfile:1
# The stable 1.x frontend is requested explicitly because `COPY --parents` needs Dockerfile syntax 1.20+,
# which older engines do not bundle.
#
# One image recipe for all seven services; the service is chosen at build time:
#   docker build --build-arg SERVICE_DIR=subgraphs/users --build-arg SERVICE_PORT=4001 -t talentgraph/users .
#   docker build --build-arg SERVICE_DIR=gateway --build-arg SERVICE_PORT=4000 -t talentgraph/gateway .
# Node 24 runs the TypeScript sources directly (type stripping), so there is no build stage.

ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
ARG SERVICE_DIR=subgraphs/users
WORKDIR /app
# Only the manifests are copied before installing, so editing sources keeps the dependency layer cached.
# Every workspace manifest is needed (not just this service's): `npm ci` refuses a lockfile that lists
# workspaces missing from disk.
COPY package.json package-lock.json ./
COPY --parents packages/*/package.json subgraphs/*/package.json gateway/package.json ./
# `--workspace` limits the install to this service and its dependencies (including the shared packages/
# workspaces it links to); the root's dev tooling is left out.
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --workspace="${SERVICE_DIR}" --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE_DIR=subgraphs/users
ARG SERVICE_PORT=4001
ENV NODE_ENV=production \
    SERVICE_DIR=${SERVICE_DIR} \
    PORT=${SERVICE_PORT}
WORKDIR /app
# The deps stage holds only manifests and node_modules, including node_modules nested inside workspace
# folders, which npm creates when two workspaces need different versions of a package.
COPY --from=deps /app ./
COPY packages ./packages
COPY ${SERVICE_DIR} ./${SERVICE_DIR}
# The gateway loads the composed supergraph from schema/; the folder is tiny, so every image gets it
# rather than complicating the recipe with a per-service condition.
COPY schema ./schema
# Files stay owned by root: the unprivileged `node` user (shipped with the image) can read the code but
# cannot modify it if the process is compromised.
USER node
EXPOSE ${SERVICE_PORT}
# Liveness only (/health): orchestrators replace unhealthy containers, and a database outage must not get
# every replica replaced. docker-compose.yml checks readiness (/ready) instead, to order start-up.
# Slim images have no curl, hence node's fetch.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/health').then((response) => process.exit(response.ok ? 0 : 1), () => process.exit(1))"]
# A shell is needed to expand SERVICE_DIR; `exec` then replaces it with node, so node itself receives the
# SIGTERM of `docker stop` and can drain in-flight requests (a shell would not forward the signal).
CMD ["/bin/sh", "-c", "exec node \"${SERVICE_DIR}/src/main.ts\""]
