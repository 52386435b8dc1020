# USER with variables the Dockerfile gives a value (an ARG default, an ENV of the stage it
# builds on): they are put in, and the user is not root.
FROM alpine:3.20 AS base
ENV APP_UID=10001

FROM base
ARG APP_GID=10001
COPY server /usr/local/bin/server
USER ${APP_UID}:${APP_GID}
ENTRYPOINT ["/usr/local/bin/server"]
