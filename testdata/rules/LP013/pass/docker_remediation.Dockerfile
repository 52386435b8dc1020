# The Dockerfile remediation from the rule's metadata: an unprivileged user in the final stage.
FROM debian:bookworm-slim
RUN useradd --uid 10001 --no-create-home app
COPY --chown=app app /usr/local/bin/app
USER 10001:10001
ENTRYPOINT ["/usr/local/bin/app"]
