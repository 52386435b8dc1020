# The registry is a build argument without a default, the rest is known (the tag through the
# default of PYTHON_VERSION): not pinned by digest whatever the registry is.
ARG REGISTRY
ARG PYTHON_VERSION=3.12
# expect: IM001
FROM ${REGISTRY}/python:${PYTHON_VERSION}-slim
RUN pip install --no-cache-dir app==1.4.2
