package org.precisionaid.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.precisionaid.PrecisionAidApplication;
import org.precisionaid.support.SharedPostgres;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application as a benchmark starts it: on H2 (a file under target/bench, deleted on close) or on the shared
 * embedded PostgreSQL, with the demo data and the given settings ({@code key=value}, passed as command-line
 * arguments so that they win over application.yaml).
 */
final class BenchApplication implements AutoCloseable {

    final ConfigurableApplicationContext context;
    private final Path h2File;

    private BenchApplication(ConfigurableApplicationContext context, Path h2File) {
        this.context = context;
        this.h2File = h2File;
    }

    static BenchApplication start(String database, String name, List<String> settings) {
        List<String> properties = new ArrayList<>(List.of("server.port=0", "precision-aid.demo=true",
                "logging.level.root=WARN"));
        properties.addAll(settings);
        String[] profiles = new String[0];
        Path h2File = null;
        if ("postgres".equals(database)) {
            properties.addAll(List.of("PA_DB_URL=" + SharedPostgres.jdbcUrl(), "PA_DB_USER=postgres",
                    "PA_DB_PASSWORD=postgres"));
            profiles = new String[] {"postgres"};
        } else {
            h2File = Path.of("target", "bench", name + "-h2-" + System.currentTimeMillis()).toAbsolutePath();
            properties.add("spring.datasource.url=jdbc:h2:file:" + h2File);
        }
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PrecisionAidApplication.class)
                .profiles(profiles).run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        return new BenchApplication(context, h2File);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() throws Exception {
        context.close();
        if (h2File != null) {
            Files.deleteIfExists(Path.of(h2File + ".mv.db"));
            Files.deleteIfExists(Path.of(h2File + ".trace.db"));
        }
    }
}
