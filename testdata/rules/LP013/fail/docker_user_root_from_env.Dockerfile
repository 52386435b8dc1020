# USER names a variable the Dockerfile sets to root.
FROM alpine:3.20
ENV RUN_AS=root
COPY server /usr/local/bin/server
# expect: LP013
USER $RUN_AS
ENTRYPOINT ["/usr/local/bin/server"]
