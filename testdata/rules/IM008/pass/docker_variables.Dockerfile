# ADD sources from variables: a value set in the Dockerfile decides (a local path); a build
# argument without a default may be a URL, so that check is undecided.
FROM eclipse-temurin:21-jre
ARG JAR_FILE=target/app.jar
ADD ${JAR_FILE} /app/app.jar
ARG PLUGIN_URL
# undecided: IM008
ADD $PLUGIN_URL /app/plugins/
# A checksum verifies whatever the source is.
ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d ${PLUGIN_URL} /app/extra/
# A source that starts with a written path is no URL.
ADD plugins/${PLUGIN_URL} /app/local/
USER app
