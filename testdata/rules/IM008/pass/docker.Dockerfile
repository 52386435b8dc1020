FROM alpine:3.20
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/tool.tar.gz /tmp/
ADD ./local.tar.gz /opt/
RUN curl -fsSLo /tmp/install.sh https://example.com/install.sh \
 && echo "3f5d1c0a  /tmp/install.sh" | sha256sum -c - \
 && sh /tmp/install.sh
RUN echo "curl | sh is not run here" > /notes.txt && cat /notes.txt | grep curl
USER app
