# No tag: the build pulls `latest`, whatever was pushed last.
# expect: IM002
FROM ubuntu
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
