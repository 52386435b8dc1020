# USER with a variable: its value is unknown statically (a build argument may change it), so
# no finding.
FROM alpine:3.20
ARG APP_UID=10001
ARG APP_GID=10001
COPY server /usr/local/bin/server
USER ${APP_UID}:${APP_GID}
ENTRYPOINT ["/usr/local/bin/server"]
