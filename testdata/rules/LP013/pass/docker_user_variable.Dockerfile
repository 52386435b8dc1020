# USER with a build argument that has no default: its value is unknown statically, so no
# finding, but an undecided check.
FROM alpine:3.20
ARG APP_UID
ARG APP_GID
COPY server /usr/local/bin/server
# undecided: LP013
USER ${APP_UID}:${APP_GID}
ENTRYPOINT ["/usr/local/bin/server"]
