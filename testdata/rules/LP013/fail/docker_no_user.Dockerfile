# No USER in the only stage: the container runs as the base image's default user, root.
# The finding is on the stage header (its FROM line).
# expect: LP013
FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "-m", "app"]
