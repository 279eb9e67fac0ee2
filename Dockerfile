# One image for every Tickwatch service: build the jar first (mvn -B -pl cli -am package -DskipTests),
# then `docker compose build`. The command selects the service, e.g. `run stats` or `dashboard`.
FROM eclipse-temurin:17-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /opt/tickwatch --shell /usr/sbin/nologin tickwatch \
 && mkdir -p /opt/tickwatch /data \
 && chown tickwatch /data
WORKDIR /opt/tickwatch
COPY cli/target/tickwatch.jar /opt/tickwatch/tickwatch.jar
USER tickwatch
VOLUME /data
ENTRYPOINT ["java", "-jar", "tickwatch.jar"]
CMD ["--help"]
