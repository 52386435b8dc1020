# The final stage builds on an earlier stage and has no USER of its own: it inherits the
# last USER of the nearest stage in its chain that has one (here root, set in "dev").
FROM node:20-bookworm AS base
USER node
WORKDIR /app

FROM base AS dev
USER root
RUN npm install --global nodemon

# expect: LP013
FROM dev AS final
COPY . .
CMD ["nodemon", "server.js"]
