package org.precisionaid.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Captures the SQL the engine sends for one call (MyBatis logs each statement it prepares, with its parameters)
 * and has PostgreSQL explain it with {@code EXPLAIN (ANALYZE, BUFFERS)}: so the benchmark can say where a slow
 * query spends its time instead of guessing.
 */
final class QueryPlan {

    private static final Pattern PARAMETER = Pattern.compile("(.*?)\\((\\w+)\\)");

    private QueryPlan() {
    }

    /** Runs the call with the statement's logger on DEBUG and returns the plan of the last statement it prepared. */
    static String explain(JdbcTemplate jdbc, String statementId, Supplier<?> call) {
        Logger logger = (Logger) LoggerFactory.getLogger(statementId);
        Level before = logger.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        logger.setLevel(Level.DEBUG);
        try {
            call.get();
        } finally {
            logger.setLevel(before);
            logger.detachAppender(captured);
        }
        String sql = null;
        String parameters = "";
        for (ILoggingEvent event : captured.list) {
            String message = event.getFormattedMessage();
            if (message.startsWith("==>  Preparing: ")) {
                sql = message.substring("==>  Preparing: ".length());
            } else if (message.startsWith("==> Parameters: ")) {
                parameters = message.substring("==> Parameters: ".length());
            }
        }
        if (sql == null) {
            return "(no statement logged for " + statementId + ")";
        }
        String bound = bind(sql, parameters);
        List<String> plan = jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS) " + bound, String.class);
        return bound + "\n\n" + String.join("\n", plan);
    }

    /** Inlines MyBatis's logged parameters ("a(String), 2(Integer)") as SQL literals; enough for our queries. */
    private static String bind(String sql, String parameters) {
        List<String> literals = new ArrayList<>();
        if (!parameters.isBlank()) {
            for (String part : parameters.split(", ")) {
                Matcher typed = PARAMETER.matcher(part);
                if (part.equals("null") || !typed.matches()) {
                    literals.add("null");
                } else if (typed.group(2).equals("String") || typed.group(2).equals("Timestamp")) {
                    literals.add("'" + typed.group(1).replace("'", "''") + "'");
                } else {
                    literals.add(typed.group(1));
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (char c : sql.toCharArray()) {
            if (c == '?' && next < literals.size()) {
                out.append(literals.get(next++));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
