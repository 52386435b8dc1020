# A non-root user in the root group (the OpenShift convention) is not the root user.
FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
COPY server /usr/local/bin/server
USER 1001:0
ENTRYPOINT ["/usr/local/bin/server"]
