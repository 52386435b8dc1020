# ARGs without a default, but what is known decides: a release tag is written out (or comes
# from an ARG default), so neither is `latest` whatever the registry is. No undecided check.
ARG REGISTRY
ARG DEBIAN_RELEASE=12.7
FROM ${REGISTRY}/python:3.12.4-slim AS build
RUN pip wheel --wheel-dir /wheels app==1.4.2

FROM ${REGISTRY}/debian:${DEBIAN_RELEASE}-slim
COPY --from=build /wheels /wheels
