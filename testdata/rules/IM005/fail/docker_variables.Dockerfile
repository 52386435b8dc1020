# A port set by an ENV earlier in the stage is known.
FROM debian:12-slim
ENV SSH_PORT=22
# expect: IM005
EXPOSE ${SSH_PORT}
USER app
