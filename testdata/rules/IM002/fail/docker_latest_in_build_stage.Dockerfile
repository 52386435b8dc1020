# `latest` in a build stage changes the build too; the final stage has a release tag.
# expect: IM002
FROM node:latest AS build
WORKDIR /app
COPY . .
RUN npm ci && npm run build

FROM nginx:1.27.0
COPY --from=build /app/dist /usr/share/nginx/html
