# Ports from variables: a value set in the Dockerfile decides (8080 is not SSH); a build
# argument without a default does not, so that check is undecided.
FROM debian:12-slim
ENV HTTP_PORT=8080
ARG METRICS_PORT=9090
ARG ADMIN_PORT
EXPOSE $HTTP_PORT ${METRICS_PORT}/tcp
# undecided: IM005
EXPOSE ${ADMIN_PORT}
# 80 followed by anything cannot be 22.
EXPOSE 80${ADMIN_PORT}
USER app

# An ENV of the stage this one builds on is inherited.
FROM debian:12-slim AS base
ENV APP_PORT=8080

FROM base
EXPOSE ${APP_PORT}
USER app
