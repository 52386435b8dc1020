# The user is root; only the group comes from a variable, which does not change that.
FROM alpine:3.20
ARG GID=10001
COPY server /usr/local/bin/server
# expect: LP013
USER root:${GID}
ENTRYPOINT ["/usr/local/bin/server"]
