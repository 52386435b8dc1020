# A release tag alone is not a pin: the tag can be pushed again with other content.
# expect: IM001
FROM python:3.12-slim
WORKDIR /app
COPY . .
CMD ["python", "-m", "app"]
