FROM alpine:3.20
ADD https://example.com/tool.tar.gz /tmp/ # expect: IM008
RUN curl -fsSL https://get.example.com | sh # expect: IM008
RUN wget -qO- https://example.com/install.sh | sudo -E bash -s -- --yes # expect: IM008
RUN bash <(curl -s https://example.com/setup.sh) # expect: IM008
USER app
