# root with a non-root group is still the root user.
FROM alpine:3.20
COPY server /usr/local/bin/server
# expect: LP013
USER root:app
ENTRYPOINT ["/usr/local/bin/server"]
