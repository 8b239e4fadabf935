package org.precisionaid.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one case (with the cases it called) keeps in the engine's history, table by table, on PostgreSQL: rows, and
 * the rows' own bytes ({@code pg_column_size} of the whole row, indexes not counted) — the measure of
 * docs/benchmarks.md H1. Every history table carries the root case's id, so a called case is counted with its caller.
 */
public final class HistoryRows {

    static final List<String> TABLES = List.of("act_hi_procinst", "act_hi_actinst", "act_hi_taskinst",
            "act_hi_varinst", "act_hi_detail", "act_hi_identitylink", "act_hi_op_log", "act_hi_job_log",
            "act_hi_incident", "act_hi_decinst", "act_hi_dec_in", "act_hi_dec_out", "act_hi_comment",
            "act_hi_attachment", "act_hi_ext_task_log", "act_ge_bytearray");

    /** Rows and bytes of one table. */
    public record Use(long rows, long bytes) {
    }

    private HistoryRows() {
    }

    /** Tables the case has rows in, with a {@code total}; printed so that a run shows where they go. */
    public static Map<String, Use> of(JdbcTemplate jdbc, String rootProcessInstanceId, String label) {
        Map<String, Use> uses = new LinkedHashMap<>();
        long rows = 0;
        long bytes = 0;
        for (String table : TABLES) {
            Use use = jdbc.queryForObject("select count(*), coalesce(sum(pg_column_size(t.*)), 0) from " + table
                    + " t where t.root_proc_inst_id_ = ?", (row, i) -> new Use(row.getLong(1), row.getLong(2)),
                    rootProcessInstanceId);
            if (use.rows() > 0) {
                uses.put(table, use);
                rows += use.rows();
                bytes += use.bytes();
            }
        }
        uses.put("total", new Use(rows, bytes));
        StringBuilder line = new StringBuilder("History of " + label + ":");
        uses.forEach((table, use) -> line.append(' ').append(table).append('=').append(use.rows()).append('/')
                .append(String.format("%.1f", use.bytes() / 1024.0)).append("KB"));
        System.out.println(line);
        return uses;
    }
}
