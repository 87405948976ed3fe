# Treaty Registry image: built with the Maven wrapper on a JDK 17, run as Spring Boot layers on a JRE 17 as a
# non-root user. Used by docker-compose.yml; on its own:
#   docker build -t treaty-registry . && docker run -p 8080:8080 treaty-registry   (embedded H2 store, demo record)

# --- build ---------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# the wrapper downloads Maven with wget or curl (eclipse-temurin 17 ships curl; install it if a rebuild does not)
RUN command -v curl >/dev/null || command -v wget >/dev/null \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)

# the poms alone first: this layer (Maven and every dependency) is rebuilt only when a pom changes
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY registry-core/pom.xml registry-core/
COPY registry-projections/pom.xml registry-projections/
COPY registry-api/pom.xml registry-api/
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# then the sources; tests run in CI (./mvnw verify), not in the image build
COPY registry-core/src/ registry-core/src/
COPY registry-projections/src/ registry-projections/src/
COPY registry-api/src/ registry-api/src/
RUN ./mvnw -B -q -Dmaven.test.skip=true -pl registry-api -am package \
    && java -Djarmode=tools -jar registry-api/target/treaty-registry.jar extract --layers --launcher --destination /layers

# --- run -----------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre
# curl for the health check (present in eclipse-temurin 17 images today; installed if a rebuild drops it)
RUN command -v curl >/dev/null \
    || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
RUN groupadd --system --gid 10001 registry \
    && useradd --system --uid 10001 --gid registry --home-dir /app --shell /usr/sbin/nologin registry
WORKDIR /app
# least to most often changed, so that a code change rebuilds only the last layer
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
# ./data holds the embedded H2 store when no database is configured (the postgres profile does not use it)
RUN mkdir /app/data && chown registry:registry /app/data
USER registry:registry

ENV PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=90s --retries=5 \
    CMD curl -fsS "http://localhost:${PORT}/actuator/health" >/dev/null || exit 1
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
