package org.precisionaid.crosscheck;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.precisionaid.crosscheck.CrossCheckRules.Verdict;
import org.precisionaid.registry.Codes.Status;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Matching (set-based: one join of the current snapshots' rows with the members on ID number, never a loop per
 * household) and the hits it leaves. The rules table judges only the rows the join returned. A person found once per
 * snapshot: the unique key keeps a hit resolved for a snapshot from coming back while that snapshot is current.
 */
@Service
public class CrossCheckHits {

    /** Applicants are matched for their identification; registered and monitored households for the re-check. */
    static final List<String> APPLICANT = List.of(Status.APPLIED.name(), Status.RETURNED.name(), Status.ANNOUNCED.name());
    static final List<String> ON_REGISTER = List.of(Status.REGISTERED.name(), Status.MONITORED.name());

    private static final String JOIN = "select h.id, h.status, m.id_number, m.name, r.row_no, r.category, r.amount,"
            + " s.id, s.kind from crosscheck_record r join crosscheck_snapshot s on s.id = r.snapshot_id"
            + " join household_member m on m.id_number = r.id_number join household h on h.id = m.household_id";

    private static final String SELECT_HIT = "select x.id, x.household_id, x.snapshot_id, x.id_number, x.member_name,"
            + " x.rule, x.rule_label, x.origin, x.status, s.kind, s.source_department, s.as_of, r.category, r.amount,"
            + " r.detail, x.found_at, x.resolution_reason, x.resolved_level, x.resolved_by, x.resolved_at"
            + " from crosscheck_hit x join crosscheck_snapshot s on s.id = x.snapshot_id"
            + " join crosscheck_record r on r.snapshot_id = x.snapshot_id and r.row_no = x.row_no";

    private final JdbcTemplate jdbc;
    private final CrossCheckRules rules;
    private final Clock clock;

    public CrossCheckHits(JdbcTemplate jdbc, CrossCheckRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    private record Candidate(long householdId, String status, String idNumber, String name, int rowNo, String category,
            BigDecimal amount, long snapshotId, DepartmentKind kind) {
    }

    /** Compares one household's members with the current snapshots of its county; returns the hits it added. */
    @Transactional
    public int matchHousehold(long householdId) {
        String county = jdbc.queryForObject("select village_code from household where id = ?", String.class, householdId)
                .substring(0, 6) + "000000";
        return record(jdbc.query(JOIN + " where h.id = ? and s.county_code = ? and s.current_for_matching = true"
                + " order by r.amount desc nulls last, r.row_no", this::candidate, householdId, county));
    }

    /**
     * Compares a newly loaded snapshot with the applicants, registered and monitored households of its county; returns
     * the households that got new hits on the register (for the re-check).
     */
    @Transactional
    public List<Long> matchSnapshot(long snapshotId) {
        String county = jdbc.queryForObject("select county_code from crosscheck_snapshot where id = ?", String.class,
                snapshotId);
        String prefix = county.substring(0, 6);
        List<String> statuses = new ArrayList<>(APPLICANT);
        statuses.addAll(ON_REGISTER);
        String marks = String.join(",", statuses.stream().map(s -> "?").toList());
        List<Object> args = new ArrayList<>(List.of(snapshotId, prefix + "000000", prefix + "999999"));
        args.addAll(statuses);
        List<Candidate> candidates = jdbc.query(JOIN + " where s.id = ? and h.village_code between ? and ?"
                + " and h.status in (" + marks + ") order by r.amount desc nulls last, r.row_no", this::candidate,
                args.toArray());
        List<Long> onRegister = new ArrayList<>();
        recordInto(candidates, onRegister);
        return onRegister;
    }

    private int record(List<Candidate> candidates) {
        return recordInto(candidates, new ArrayList<>());
    }

    private int recordInto(List<Candidate> candidates, List<Long> registerHouseholds) {
        Map<String, Verdict> verdicts = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        Timestamp now = Timestamp.from(clock.instant());
        for (Candidate c : candidates) {
            if (!seen.add(c.householdId() + ":" + c.snapshotId() + ":" + c.idNumber())) {
                continue; // the person's first record that matters (largest amount) stands for the snapshot
            }
            Verdict verdict = verdicts.computeIfAbsent(c.kind() + "|" + c.category() + "|" + c.amount(),
                    key -> rules.judge(c.kind(), c.category(), c.amount()));
            if (!verdict.matters()) {
                seen.remove(c.householdId() + ":" + c.snapshotId() + ":" + c.idNumber()); // a later row may matter
                continue;
            }
            Hit.Origin origin = ON_REGISTER.contains(c.status()) ? Hit.Origin.RECHECK : Hit.Origin.IDENTIFICATION;
            rows.add(new Object[] {c.householdId(), c.snapshotId(), c.rowNo(), c.idNumber(), c.name(), verdict.rule(),
                    verdict.ruleLabel(), origin.name(), now, c.householdId(), c.snapshotId(), c.idNumber()});
        }
        if (rows.isEmpty()) {
            return 0;
        }
        int[][] counts = jdbc.batchUpdate("insert into crosscheck_hit (household_id, snapshot_id, row_no, id_number,"
                + " member_name, rule, rule_label, origin, status, found_at) select ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?"
                + " where not exists (select 1 from crosscheck_hit where household_id = ? and snapshot_id = ?"
                + " and id_number = ?)", rows, 1000, (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
        int added = 0;
        int k = 0;
        java.util.Set<Long> register = new java.util.LinkedHashSet<>();
        for (int[] batch : counts) {
            for (int count : batch) {
                Object[] row = rows.get(k++);
                if (count > 0) {
                    added++;
                    if (Hit.Origin.RECHECK.name().equals(row[7])) {
                        register.add((Long) row[0]);
                    }
                }
            }
        }
        registerHouseholds.addAll(register);
        return added;
    }

    private Candidate candidate(ResultSet rs, int n) throws SQLException {
        return new Candidate(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getBigDecimal(7), rs.getLong(8), DepartmentKind.valueOf(rs.getString(9)));
    }

    /** The household's hits, oldest first; with {@code openOnly}, those still waiting for a resolution. */
    public List<Hit> of(long householdId, boolean openOnly) {
        return jdbc.query(SELECT_HIT + " where x.household_id = ?" + (openOnly ? " and x.status = 'OPEN'" : "")
                + " and x.status <> 'SUPERSEDED' order by x.id", this::hit, householdId);
    }

    public java.util.Optional<Hit> get(long id) {
        return jdbc.query(SELECT_HIT + " where x.id = ?", this::hit, id).stream().findFirst();
    }

    /** How many of the household's hits block an approval: open, or confirmed (a rule of the negative list holds). */
    public int blocking(long householdId) {
        return jdbc.queryForObject("select count(*) from crosscheck_hit where household_id = ?"
                + " and status in ('OPEN', 'CONFIRMED')", Integer.class, householdId);
    }

    /** Records an official's resolution of an open hit; false when it was no longer open. */
    public boolean resolve(long hitId, Hit.Status outcome, String reason, String level, String actor) {
        return jdbc.update("update crosscheck_hit set status = ?, resolution_reason = ?, resolved_level = ?,"
                + " resolved_by = ?, resolved_at = ? where id = ? and status = 'OPEN'", outcome.name(), reason, level,
                actor, Timestamp.from(clock.instant()), hitId) == 1;
    }

    private Hit hit(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp(20);
        return new Hit(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), Hit.Origin.valueOf(rs.getString(8)), Hit.Status.valueOf(rs.getString(9)),
                DepartmentKind.valueOf(rs.getString(10)), rs.getString(11), rs.getDate(12).toLocalDate(),
                rs.getString(13), rs.getBigDecimal(14), rs.getString(15), rs.getTimestamp(16).toInstant(),
                rs.getString(17), rs.getString(18), rs.getString(19), resolved == null ? null : resolved.toInstant());
    }
}
