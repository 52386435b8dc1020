# The final stage has no USER of its own but builds on a stage whose last USER is
# unprivileged: that user stays in effect.
FROM node:20-bookworm-slim AS base
WORKDIR /app
USER node

FROM base AS final
COPY --chown=node:node . .
CMD ["node", "server.js"]
