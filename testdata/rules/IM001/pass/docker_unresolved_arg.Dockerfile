# The image comes from an ARG without a default: it is only known at build time
# (--build-arg), so no finding; the check is reported as undecided.
ARG BASE_IMAGE
# undecided: IM001
FROM ${BASE_IMAGE}
COPY server /usr/local/bin/server
ENTRYPOINT ["/usr/local/bin/server"]
