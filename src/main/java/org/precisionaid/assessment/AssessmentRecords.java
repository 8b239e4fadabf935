package org.precisionaid.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The assessment's own rows, in plain SQL because the bulk start writes thousands at a time: one row per household
 * and year (household_assessment, the key that keeps a household from being started twice) and one per county and
 * year (assessment_run).
 */
@Repository
public class AssessmentRecords {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AssessmentRecords(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Due(long householdId, String applicationNo, String villageCode) {
    }

    public record Run(String countyCode, int year, int total, String startedBy, Instant startedAt, Instant finishedAt) {
    }

    private static final String DUE = " from household h left join file_card c on c.household_id = h.id"
            + " where h.village_code like ? and (h.status = 'REGISTERED'"
            + " or (h.status = 'EXITED' and c.pairing_ends > ?))";

    /** Households of the county due this year: registered, or left poverty and still in their transition period. */
    public int countDue(String countyPrefix, LocalDate today) {
        Integer n = jdbc.queryForObject("select count(*)" + DUE, Integer.class, countyPrefix + "%",
                java.sql.Date.valueOf(today));
        return n == null ? 0 : n;
    }

    /**
     * The next households of the lane (registry id modulo lanes) after {@code afterId}, due and not yet started for the
     * year. {@code afterId} only saves reading the households done already; "not started" is what keeps them once.
     */
    public List<Due> nextDue(String countyPrefix, int year, LocalDate today, int lane, int lanes, long afterId,
            int limit) {
        return jdbc.query("select h.id, h.application_no, h.village_code" + DUE
                + " and h.id > ? and mod(h.id, ?) = ? and not exists (select 1 from household_assessment a"
                + " where a.household_id = h.id and a.assessment_year = ?) order by h.id fetch first " + limit
                + " rows only", (row, i) -> new Due(row.getLong(1), row.getString(2), row.getString(3)),
                countyPrefix + "%", java.sql.Date.valueOf(today), afterId, lanes, lane, year);
    }

    public void started(List<Due> households, int year, String countyCode) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.batchUpdate("insert into household_assessment (household_id, assessment_year, county_code, started_at)"
                + " values (?, ?, ?, ?)", households, 500, (statement, due) -> {
                    statement.setLong(1, due.householdId());
                    statement.setInt(2, year);
                    statement.setString(3, countyCode);
                    statement.setTimestamp(4, now);
                });
    }

    /** The village confirmed the year's account: the computed income is kept and the year takes no more entries. */
    public void confirmed(long householdId, int year, long perCapitaNetFen) {
        ensureRow(householdId, year);
        jdbc.update("update household_assessment set per_capita_net_fen = ? where household_id = ? and assessment_year = ?",
                perCapitaNetFen, householdId, year);
    }

    public void outcome(long householdId, int year, String outcome) {
        ensureRow(householdId, year);
        jdbc.update("update household_assessment set outcome = ?, decided_at = ? where household_id = ?"
                + " and assessment_year = ?", outcome, Timestamp.from(clock.instant()), householdId, year);
    }

    /** A case started one at a time (not by the bulk start) has no row yet. */
    private void ensureRow(long householdId, int year) {
        Integer n = jdbc.queryForObject("select count(*) from household_assessment where household_id = ?"
                + " and assessment_year = ?", Integer.class, householdId, year);
        if (n == null || n == 0) {
            String county = jdbc.queryForObject("select village_code from household where id = ?", String.class,
                    householdId).substring(0, 6) + "000000";
            jdbc.update("insert into household_assessment (household_id, assessment_year, county_code, started_at)"
                    + " values (?, ?, ?, ?)", householdId, year, county, Timestamp.from(clock.instant()));
        }
    }

    public Optional<Run> run(String countyCode, int year) {
        return jdbc.query("select county_code, assessment_year, total, started_by, started_at, finished_at"
                + " from assessment_run where county_code = ? and assessment_year = ?", (row, i) -> new Run(
                        row.getString(1), row.getInt(2), row.getInt(3), row.getString(4),
                        row.getTimestamp(5).toInstant(),
                        row.getTimestamp(6) == null ? null : row.getTimestamp(6).toInstant()),
                countyCode, year).stream().findFirst();
    }

    public void openRun(String countyCode, int year, int total, String startedBy) {
        jdbc.update("insert into assessment_run (county_code, assessment_year, total, started_by, started_at)"
                + " values (?, ?, ?, ?, ?)", countyCode, year, total, startedBy, Timestamp.from(clock.instant()));
    }

    public void finishRun(String countyCode, int year) {
        jdbc.update("update assessment_run set finished_at = ? where county_code = ? and assessment_year = ?",
                Timestamp.from(clock.instant()), countyCode, year);
    }

    public int started(String countyCode, int year) {
        Integer n = jdbc.queryForObject("select count(*) from household_assessment where county_code = ?"
                + " and assessment_year = ?", Integer.class, countyCode, year);
        return n == null ? 0 : n;
    }

    /** One lane of the bulk start (households whose registry id modulo the lanes is its number). */
    public record Lane(int lane, int started, int remaining) {
    }

    /**
     * Per lane: households started for the year, and those due and not started yet (what a resumed run still starts).
     * The split is the one {@link #nextDue} reads by, so a lane's figures are the work of its job.
     */
    public List<Lane> lanes(String countyCode, int year, int lanes, LocalDate today) {
        int[] started = new int[lanes];
        int[] remaining = new int[lanes];
        // the lane count is our own setting, a number: written into the SQL so select and group by are one expression
        String rowLane = "mod(household_id, " + lanes + ")";
        jdbc.query("select " + rowLane + ", count(*) from household_assessment where county_code = ?"
                + " and assessment_year = ? group by " + rowLane,
                row -> { started[row.getInt(1)] = row.getInt(2); }, countyCode, year);
        String householdLane = "mod(h.id, " + lanes + ")";
        jdbc.query("select " + householdLane + ", count(*)" + DUE + " and not exists (select 1 from"
                + " household_assessment a where a.household_id = h.id and a.assessment_year = ?) group by "
                + householdLane, row -> { remaining[row.getInt(1)] = row.getInt(2); },
                countyCode.substring(0, 6) + "%", java.sql.Date.valueOf(today), year);
        List<Lane> result = new java.util.ArrayList<>();
        for (int lane = 0; lane < lanes; lane++) {
            result.add(new Lane(lane, started[lane], remaining[lane]));
        }
        return result;
    }

    /** How many households of the run have each outcome so far (null: not yet decided). */
    public Map<String, Integer> outcomes(String countyCode, int year) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        jdbc.query("select coalesce(outcome, 'PENDING'), count(*) from household_assessment where county_code = ?"
                + " and assessment_year = ? group by outcome order by 1", row -> {
                    counts.put(row.getString(1), row.getInt(2));
                }, countyCode, year);
        return counts;
    }

    public record Finding(String applicationNo, String villageCode, Long perCapitaNetFen, String outcome,
                          Instant decidedAt) {
    }

    public List<Finding> findings(String countyCode, int year, String outcome, int page, int size) {
        String filter = outcome == null ? "" : "PENDING".equals(outcome) ? " and a.outcome is null" : " and a.outcome = ?";
        List<Object> args = new java.util.ArrayList<>(List.of(countyCode, year));
        if (outcome != null && !"PENDING".equals(outcome)) {
            args.add(outcome);
        }
        return jdbc.query("select h.application_no, h.village_code, a.per_capita_net_fen, a.outcome, a.decided_at"
                + " from household_assessment a join household h on h.id = a.household_id"
                + " where a.county_code = ? and a.assessment_year = ?" + filter + " order by h.id"
                + " offset " + ((long) page * size) + " rows fetch next " + size + " rows only", (row, i) -> new Finding(
                        row.getString(1), row.getString(2), (Long) row.getObject(3, Long.class), row.getString(4),
                        row.getTimestamp(5) == null ? null : row.getTimestamp(5).toInstant()), args.toArray());
    }
}
