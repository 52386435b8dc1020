# USER 0:0 is root by number.
FROM alpine:3.20
COPY server /usr/local/bin/server
# expect: LP013
USER 0:0
ENTRYPOINT ["/usr/local/bin/server"]
