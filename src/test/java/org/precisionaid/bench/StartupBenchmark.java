package org.precisionaid.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * S3 as an operator sees it (issue #26 item 5): the README's run command, {@code ./mvnw spring-boot:run} with the demo
 * profile on H2 and the JVM options the pom gives it, started twice — on an empty database (schema, deployment, demo
 * regions and officials) and again on the database the first start left (a restart). For each start: the application's
 * own start-up time as Spring reports it ("process running for …", logged before the start tasks run), the time from
 * the JVM's start until it is ready for requests with the start tasks done (the demo data among them; StartupReport's
 * line), the resident memory (RSS) of the application's JVM at both points, read from {@code /proc}, and apart from
 * these the command's whole time to ready (with Maven's build check).
 */
class StartupBenchmark {

    static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");
    static final Pattern PID = Pattern.compile("with PID (\\d+)");
    static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");
    /** StartupReport's line, after the start tasks (demo data, Tasklist's filters) that Spring's "Started" precedes. */
    static final Pattern READY = Pattern.compile("Ready for requests ([0-9.]+) s after the JVM started");

    final int starts = Integer.getInteger("bench.starts", 2);

    @Test
    void run() throws Exception {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("when", Instant.now().toString());
        MachineLoad.atStart(report);
        report.put("cores", Runtime.getRuntime().availableProcessors());
        Path database = Path.of("target", "bench", "startup-" + System.currentTimeMillis()).toAbsolutePath();
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int i = 0; i < starts; i++) {
            Map<String, Object> run = start(database);
            run.put("database", i == 0 ? "empty" : "as the previous start left it");
            System.out.println("S3 start " + (i + 1) + ": " + run);
            runs.add(run);
        }
        report.put("starts", runs);
        MachineLoad.atEnd(report);
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("startup-results.json"),
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
    }

    private Map<String, Object> start(Path database) throws Exception {
        // the README's run command; "commandSeconds" also counts Maven's own start and build check
        List<String> command = new ArrayList<>(List.of("./mvnw", "-q", "spring-boot:run",
                "-Dspring-boot.run.profiles=demo",
                "-Dspring-boot.run.arguments=--server.port=0 --spring.datasource.url=jdbc:h2:file:" + database
                        + "/precision-aid"));
        if (Boolean.parseBoolean(System.getProperty("bench.offline", "true"))) {
            command.add(1, "-o");
        }
        long commandStarted = System.nanoTime();
        Process maven = new ProcessBuilder(command).redirectErrorStream(true).start();
        Map<String, Object> run = new LinkedHashMap<>();
        try (BufferedReader log = new BufferedReader(new InputStreamReader(maven.getInputStream(), StandardCharsets.UTF_8))) {
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
            String pid = null;
            String port = null;
            for (String line = log.readLine(); line != null && Instant.now().isBefore(giveUp); line = log.readLine()) {
                Matcher pidMatch = PID.matcher(line);
                if (pid == null && pidMatch.find()) {
                    pid = pidMatch.group(1);
                }
                Matcher portMatch = PORT.matcher(line);
                if (port == null && portMatch.find()) {
                    port = portMatch.group(1);
                }
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    run.put("contextSeconds", Double.parseDouble(started.group(1)));
                    run.put("startupSeconds", Double.parseDouble(started.group(2)));
                    run.put("rssMbAtStarted", rssMb(pid));
                }
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    // ready: the start tasks (the demo data among them) have run; RSS from here is what a visitor's
                    // application holds once it answers
                    run.put("readySeconds", Double.parseDouble(ready.group(1)));
                    run.put("commandSeconds", Math.round((System.nanoTime() - commandStarted) / 1e7) / 100.0);
                    run.put("rssMbAfterStart", rssMb(pid));
                    run.put("threads", threads(pid));
                    run.put("jvm", jvmOptions(pid));
                    demoLogin(port, run);
                    break;
                }
            }
            if (!run.containsKey("readySeconds")) {
                throw new IllegalStateException("the application did not report its start within 3 minutes");
            }
            stop(pid);
        } finally {
            maven.destroy();
            maven.waitFor();
        }
        return run;
    }

    /**
     * The demo works as started: a demo official logs in with the demo password (the seed hashes it once for all
     * accounts) and reads the villages of his township. Also how long that first request takes (beans created
     * lazily would be paid here).
     */
    private static void demoLogin(String port, Map<String, Object> run) throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/villages?region=654224101000"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("township.654224101:demo".getBytes(StandardCharsets.UTF_8)))
                .build();
        long sent = System.nanoTime();
        int status = client.send(request, java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        run.put("firstRequestMs", (System.nanoTime() - sent) / 1_000_000);
        if (status != 200) {
            throw new IllegalStateException("the demo official could not log in with the demo password: " + status);
        }
        run.put("demoLogin", status);
    }

    private static long rssMb(String pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static long threads(String pid) throws Exception {
        try (var tasks = Files.list(Path.of("/proc", pid, "task"))) {
            return tasks.count();
        }
    }

    /** The options the application's JVM really ran with, so a setting that did not reach it shows. */
    private static String jvmOptions(String pid) throws Exception {
        String[] arguments = new String(Files.readAllBytes(Path.of("/proc", pid, "cmdline")), StandardCharsets.UTF_8)
                .split("\0");
        return String.join(" ", java.util.Arrays.stream(arguments).filter(a -> a.startsWith("-X") || a.startsWith("-D"))
                .filter(a -> !a.contains("password")).toList());
    }

    private static void stop(String pid) throws Exception {
        new ProcessBuilder("kill", pid).start().waitFor();
        Path proc = Path.of("/proc", pid);
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        while (Files.exists(proc) && Instant.now().isBefore(giveUp)) {
            Thread.sleep(200); // waiting for the process to exit after SIGTERM, not for a result
        }
    }
}
