# The image comes from an ARG with a default: it is judged after substitution.
ARG BASE_IMAGE=node:20-bookworm-slim
# expect: IM001
FROM ${BASE_IMAGE}
WORKDIR /app
COPY . .
CMD ["node", "server.js"]
