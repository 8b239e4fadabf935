package org.precisionaid.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The packaged application as a separate operating-system process, the way a county runs it: {@code java -jar} on
 * PostgreSQL with the demo profile, its own port and node name (recorded by the engine as the job log's hostname).
 */
final class AppNode implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;

    private AppNode(String name, int port, Process process) {
        this.name = name;
        this.port = port;
        this.process = process;
    }

    static AppNode start(String name, String jdbcUrl) {
        Path jar = Path.of(System.getProperty("app.jar", "target/precision-aid-0.1.0-SNAPSHOT.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged application at " + jar + ": run through ./mvnw verify");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--spring.profiles.active=postgres,demo",
                "--server.port=" + port,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.job-execution.max-wait=2000",
                "--precision-aid.security.password-hash-iterations=1000",
                "--precision-aid.identification.notice-period=PT6S",
                // the group evaluation falls overdue after 20 s: a burst of escalation timers across both nodes
                "--precision-aid.identification.deadlines.groupEvaluation=PT20S"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile(name).toFile()));
        builder.environment().put("PA_DB_URL", jdbcUrl);
        builder.environment().put("PA_DB_USER", "postgres");
        builder.environment().put("PA_DB_PASSWORD", "postgres");
        try {
            AppNode node = new AppNode(name, port, builder.start());
            node.awaitHealthy(Duration.ofSeconds(240));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path logFile(String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "reliability"));
            return dir.resolve(name + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    /** kill -9: no shutdown hook, no transaction finished, as when a server loses power. */
    void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    private void awaitHealthy(Duration limit) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant until = Instant.now().plus(limit);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting; see " + logFile(name));
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(1000);
        }
        throw new IllegalStateException(name + " not healthy within " + limit + "; see " + logFile(name));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
