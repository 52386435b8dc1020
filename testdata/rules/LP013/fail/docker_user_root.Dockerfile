# The last USER of the final stage switches back to root after an unprivileged step.
FROM debian:bookworm-slim
RUN useradd --uid 10001 app
USER app
RUN echo "built as app"
# expect: LP013
USER root
ENTRYPOINT ["/usr/local/bin/server"]
