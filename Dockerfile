# Coop as a container: built from source, run as an unprivileged user on Java 17.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 coop
USER coop
WORKDIR /app
COPY --from=build /src/coop-app/target/coop-app.jar /app/coop-app.jar
ENV SERVER_ADDRESS=0.0.0.0 \
    SERVER_PORT=8080
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Ddisable-axoniq-console-message=true", "-jar", "/app/coop-app.jar"]
