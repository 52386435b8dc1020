# The final stage inherits USER from its base stage, where it is a build argument without a
# default: unknown, so no finding, but an undecided check on the final stage.
FROM alpine:3.20 AS base
ARG APP_UID
USER $APP_UID

# undecided: LP013
FROM base
COPY server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
