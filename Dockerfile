# syntax=docker/dockerfile:1
# hrgraph's container image (README: Operations, "Running it in a container").
#
#   npm run docker:build                  # target runtime: production, no sandbox   → hrgraph:latest
#   npm run docker:build -- --demo        # target demo: with the sandboxes (serve --demo) → hrgraph:demo
#   docker compose up --build             # hrgraph's demo, the example inventory and a gateway
#
# Stages: `build` installs every dependency and bundles dist/ (npm run build); `production-deps`
# drops the dev dependencies; `app` gathers the built JavaScript, its production node_modules and
# the launcher, which is all `demo` and `runtime` copy; `runtime` (the default, last) also leaves
# out the sandboxes and their fake-data library. `examples` runs the example subgraph and gateways
# from source (compose.yaml).
ARG NODE_VERSION=24

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 (the account store) uses a prebuilt addon when one matches, else compiles it.
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Scripts off: `prepare` would build before the sources are here; only the addon needs its own.
RUN npm ci --ignore-scripts --no-audit --no-fund && npm rebuild better-sqlite3
COPY tsconfig.json ./
COPY bin ./bin
COPY scripts ./scripts
COPY src ./src
RUN npm run build

FROM build AS production-deps
RUN npm prune --omit=dev --ignore-scripts --no-audit --no-fund

# The image's files and only them, gathered in /out: the launcher, the bundle, what it imports.
FROM production-deps AS app
RUN mkdir -p /out/scripts \
  && cp -R package.json package-lock.json node_modules bin dist /out/ \
  && cp scripts/build.js /out/scripts/

FROM app AS app-without-sandbox
RUN node scripts/docker-prune-sandbox.js /out

# The example inventory subgraph and gateways, run from their TypeScript sources (compose.yaml).
FROM build AS examples
COPY examples ./examples
USER node
ENTRYPOINT ["node_modules/.bin/tsx"]

# What both images share: a fresh Node, the health check, the launcher as PID 1.
FROM node:${NODE_VERSION}-bookworm-slim AS image-base
WORKDIR /app
# The account store and its key: a directory the non-root user owns (a volume in `runtime`).
RUN mkdir /data && chown node:node /data
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.HRGRAPH_PORT || 4000}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node is PID 1 and `hrgraph serve` handles SIGTERM itself (it stops listening and closes the
# store); `docker run --init` adds a reaper if you want one.
ENTRYPOINT ["node", "bin/hrgraph.js"]

# With the sandboxes: `serve --demo` (loopback only, so compose shares its network with the others).
FROM image-base AS demo
COPY --from=app /out ./
USER node
CMD ["serve", "--demo"]

# Production: the configured accounts (a mounted --config file, or the store in /data).
FROM image-base AS runtime
COPY --from=app-without-sandbox /out ./
VOLUME /data
ENV HRGRAPH_HOST=0.0.0.0 \
  HRGRAPH_PORT=4000 \
  HRGRAPH_DATA_DIR=/data
USER node
CMD ["serve"]
