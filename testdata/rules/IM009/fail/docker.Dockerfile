FROM debian:12-slim
RUN apt-get update && apt-get upgrade -y # expect: IM009
RUN yum -y update # expect: IM009
RUN apk upgrade --no-cache # expect: IM009
USER app
