# A URL given by an ARG default or an ENV earlier in the stage is known: the ADD downloads it
# unverified.
FROM alpine:3.20
ARG TOOL_URL=https://example.com/tool-1.4.2.tar.gz
# expect: IM008
ADD ${TOOL_URL} /tmp/
ENV PLUGIN_BASE=https://plugins.example.com
# expect: IM008
ADD $PLUGIN_BASE/plugin.tar.gz /opt/plugins/
USER app
