package org.precisionaid.villageteams;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.AssistingUnit;
import org.precisionaid.assistance.Cadre;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.web.FieldRuleException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the village assistance structure: stations a work team in a village and ends its stationing, pairs an
 * assisting unit with a village, records a leader's contact point. Periods end, nothing is deleted. A cadre serves in
 * at most one team at a time: every membership is added under the cadre's row lock (the lock of ADR 0008, cadres in
 * id order), checked against his other periods, and held by a unique column besides (ADR 0024).
 */
@Service
@Transactional
public class WorkTeams {

    static final int MAX_MEMBERS = 12;
    static final int MAX_TEXT = 1000;
    /** A stationing may be recorded up to five years back (the seeds' period) and a quarter ahead (a team sent). */
    static final int YEARS_BACK = 5;
    static final int DAYS_AHEAD = 90;

    private final JdbcTemplate jdbc;
    private final RegionService regions;
    private final AssistanceService assistance;
    private final IdentityService identity;
    private final Clock clock;

    WorkTeams(JdbcTemplate jdbc, RegionService regions, AssistanceService assistance, IdentityService identity,
            Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.assistance = assistance;
        this.identity = identity;
        this.clock = clock;
    }

    /** A new team: its village (already checked by the caller), unit, period and members by role. */
    public record Stationing(String villageCode, Long unitId, LocalDate startedOn, LocalDate plannedEndOn,
                             Long leaderId, Long firstSecretaryId, List<Long> memberIds) {
    }

    public long station(Stationing s, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Region village = regions.get(s.villageCode());
        String county = village.code().ancestor(RegionLevel.COUNTY).value();
        unit(s.unitId(), county, "unitId", errors);
        LocalDate today = today();
        startDate(s.startedOn(), "startedOn", today, errors);
        if (s.plannedEndOn() != null && s.startedOn() != null && (!s.plannedEndOn().isAfter(s.startedOn())
                || s.plannedEndOn().isAfter(s.startedOn().plusYears(YEARS_BACK)))) {
            errors.put("plannedEndOn", "after startedOn and at most " + YEARS_BACK + " years after it");
        }
        // who serves, by field: the leader, the first secretary (may be the leader), the other members
        Map<Long, String> fieldOf = new LinkedHashMap<>();
        if (s.leaderId() == null) {
            errors.put("leaderId", "is required: the team's leader (队长)");
        } else {
            fieldOf.put(s.leaderId(), "leaderId");
        }
        if (s.firstSecretaryId() != null) {
            fieldOf.putIfAbsent(s.firstSecretaryId(), "firstSecretaryId");
        }
        List<Long> others = s.memberIds() == null ? List.of() : s.memberIds();
        for (int i = 0; i < others.size(); i++) {
            Long id = others.get(i);
            if (others.subList(0, i).contains(id)) {
                errors.put("memberIds[" + i + "]", "cadre " + id + " is listed twice");
            }
            fieldOf.putIfAbsent(id, "memberIds[" + i + "]");
        }
        if (fieldOf.size() > MAX_MEMBERS) {
            errors.put("memberIds", "a team has at most " + MAX_MEMBERS + " members");
        }
        throwIfAny(errors);
        // cadres' rows locked in id order (as every pairing does): two offices adding the same cadre wait for each other
        Map<Long, String> ordered = new TreeMap<>(fieldOf);
        Map<Long, Cadre> cadres = new LinkedHashMap<>();
        for (Map.Entry<Long, String> e : ordered.entrySet()) {
            Cadre cadre = lockedCadre(e.getKey(), e.getValue(), errors);
            if (cadre == null) {
                continue;
            }
            cadres.put(e.getKey(), cadre);
            if (!cadre.isActive()) {
                errors.put(e.getValue(), cadre.getName() + " has left (" + cadre.getLeftReason() + ")");
            } else if (!cadre.getCountyCode().equals(county)) {
                errors.put(e.getValue(), cadre.getName() + " serves " + regions.get(cadre.getCountyCode()).label()
                        + ", not " + regions.get(county).label());
            }
        }
        throwIfAny(errors);
        Map<String, String> busy = new LinkedHashMap<>();
        for (Map.Entry<Long, String> e : ordered.entrySet()) {
            String other = overlapping(e.getKey(), s.startedOn());
            if (other != null) {
                busy.put(e.getValue(), cadres.get(e.getKey()).getName() + " " + other
                        + "; a cadre serves in one team at a time");
            }
        }
        String stationed = currentTeam(s.villageCode());
        if (stationed != null) {
            busy.put("villageCode", village.label() + " already has a stationed team (" + stationed
                    + "); end its stationing first");
        }
        if (!busy.isEmpty()) {
            throw conflict(busy);
        }
        long teamId;
        try {
            teamId = insert("insert into work_team (village_code, unit_id, started_on, planned_end_on, current_village,"
                    + " created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)", s.villageCode(), s.unitId(),
                    Date.valueOf(s.startedOn()), s.plannedEndOn() == null ? null : Date.valueOf(s.plannedEndOn()),
                    s.villageCode(), actor, Timestamp.from(clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw conflict(Map.of("villageCode", village.label() + " got a stationed team at the same moment"));
        }
        for (Map.Entry<Long, String> e : fieldOf.entrySet()) {
            long cadreId = e.getKey();
            try {
                jdbc.update("insert into work_team_member (team_id, cadre_id, leader, first_secretary, started_on,"
                        + " current_cadre) values (?, ?, ?, ?, ?, ?)", teamId, cadreId,
                        Objects.equals(cadreId, s.leaderId()), Objects.equals(cadreId, s.firstSecretaryId()),
                        Date.valueOf(s.startedOn()), cadreId);
            } catch (DataIntegrityViolationException raced) {
                throw conflict(Map.of(e.getValue(), cadres.get(cadreId).getName()
                        + " joined another team at the same moment; a cadre serves in one team at a time"));
            }
        }
        return teamId;
    }

    /** Ends a stationed team and every membership in it, on the given day, with the reason. */
    public void endStationing(long teamId, LocalDate endedOn, String reason, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, "reason", MAX_TEXT, true, errors);
        List<Map<String, Object>> rows = jdbc.queryForList("select started_on, ended_on from work_team where id = ?"
                + " for update", teamId);
        if (rows.isEmpty()) {
            throw unknown("teamId", "no work team " + teamId);
        }
        LocalDate started = ((java.sql.Date) rows.get(0).get("started_on")).toLocalDate();
        endDate(endedOn, started, "endedOn", errors);
        throwIfAny(errors);
        if (rows.get(0).get("ended_on") != null) {
            throw conflict(Map.of("teamId", "the team's stationing ended on " + rows.get(0).get("ended_on")));
        }
        jdbc.update("update work_team set ended_on = ?, end_reason = ?, ended_by = ?, ended_at = ?, current_village = null"
                + " where id = ?", Date.valueOf(endedOn), why, actor, Timestamp.from(clock.instant()), teamId);
        jdbc.update("update work_team_member set ended_on = case when started_on > ? then started_on else ? end,"
                + " current_cadre = null where team_id = ? and ended_on is null", Date.valueOf(endedOn),
                Date.valueOf(endedOn), teamId);
    }

    /** Pairs an assisting unit with the village from the given day (定点帮扶). */
    public long pairUnit(String villageCode, Long unitId, LocalDate startedOn, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        Region village = regions.get(villageCode);
        AssistingUnit unit = unit(unitId, village.code().ancestor(RegionLevel.COUNTY).value(), "unitId", errors);
        startDate(startedOn, "startedOn", today(), errors);
        throwIfAny(errors);
        Integer paired = jdbc.queryForObject("select count(*) from village_unit where village_code = ? and unit_id = ?"
                + " and ended_on is null", Integer.class, villageCode, unitId);
        if (paired != null && paired > 0) {
            throw conflict(Map.of("unitId", unit.getName() + " is already paired with " + village.label()));
        }
        try {
            return insert("insert into village_unit (village_code, unit_id, started_on, current_unit, created_by,"
                    + " created_at) values (?, ?, ?, ?, ?, ?)", villageCode, unitId, Date.valueOf(startedOn), unitId,
                    actor, Timestamp.from(clock.instant()));
        } catch (DataIntegrityViolationException raced) {
            throw conflict(Map.of("unitId", unit.getName() + " was paired with " + village.label()
                    + " at the same moment"));
        }
    }

    public void endUnitPairing(String villageCode, long unitId, LocalDate endedOn, String reason, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, "reason", MAX_TEXT, true, errors);
        List<Map<String, Object>> rows = jdbc.queryForList("select id, started_on from village_unit where village_code = ?"
                + " and unit_id = ? and ended_on is null for update", villageCode, unitId);
        if (rows.isEmpty()) {
            throw unknown("unitId", "unit " + unitId + " is not paired with " + villageCode);
        }
        endDate(endedOn, ((java.sql.Date) rows.get(0).get("started_on")).toLocalDate(), "endedOn", errors);
        throwIfAny(errors);
        jdbc.update("update village_unit set ended_on = ?, end_reason = ?, ended_by = ?, current_unit = null where id = ?",
                Date.valueOf(endedOn), why, actor, rows.get(0).get("id"));
    }

    /** A leader's contact point: a county (a prefecture leader) or a village (a county leader). */
    public record NewContactPoint(String leaderName, String post, String userId, String regionCode,
                                  LocalDate startedOn) {
    }

    public long addContactPoint(NewContactPoint c, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String name = text(c.leaderName(), "leaderName", 64, true, errors);
        // a character class, not a repeated alternation: the regex engine recurses per repetition of a group, and a
        // long name (refused for its length anyway) must not overflow the stack
        if (name != null && !errors.containsKey("leaderName") && (!name.matches("[\\p{IsHan}A-Za-z ·]+")
                || name.contains("··") || !name.matches("[\\p{IsHan}A-Za-z].*[\\p{IsHan}A-Za-z]"))) {
            errors.put("leaderName", "a person's name: Chinese characters or letters, parts joined by ·");
        }
        String post = text(c.post(), "post", 128, true, errors);
        String user = c.userId() == null || c.userId().isBlank() ? null : c.userId().strip();
        if (user != null && (user.length() > 64 || identity.createUserQuery().userId(user).count() == 0)) {
            errors.put("userId", "no login " + user + "; leave it empty for a leader without one");
        }
        startDate(c.startedOn(), "startedOn", today(), errors);
        throwIfAny(errors);
        Integer same = jdbc.queryForObject("select count(*) from contact_point where region_code = ? and leader_name = ?"
                + " and ended_on is null", Integer.class, c.regionCode(), name);
        if (same != null && same > 0) {
            throw conflict(Map.of("leaderName", name + " already has " + c.regionCode() + " as a contact point"));
        }
        return insert("insert into contact_point (leader_name, post, user_id, region_code, started_on, created_by,"
                + " created_at) values (?, ?, ?, ?, ?, ?, ?)", name, post, user, c.regionCode(),
                Date.valueOf(c.startedOn()), actor, Timestamp.from(clock.instant()));
    }

    public void endContactPoint(long id, LocalDate endedOn, String reason, String actor) {
        Map<String, String> errors = new LinkedHashMap<>();
        String why = text(reason, "reason", MAX_TEXT, true, errors);
        List<Map<String, Object>> rows = jdbc.queryForList("select started_on, ended_on from contact_point where id = ?"
                + " for update", id);
        if (rows.isEmpty()) {
            throw unknown("id", "no contact point " + id);
        }
        endDate(endedOn, ((java.sql.Date) rows.get(0).get("started_on")).toLocalDate(), "endedOn", errors);
        throwIfAny(errors);
        if (rows.get(0).get("ended_on") != null) {
            throw conflict(Map.of("id", "the contact point ended on " + rows.get(0).get("ended_on")));
        }
        jdbc.update("update contact_point set ended_on = ?, end_reason = ?, ended_by = ? where id = ?",
                Date.valueOf(endedOn), why, actor, id);
    }

    // ---- rules ----

    /** The team the cadre serves in on or after the day, as a phrase; null when he is free from that day. */
    private String overlapping(long cadreId, LocalDate from) {
        List<String> found = jdbc.query("select r.name_zh, t.id, m.started_on, m.ended_on from work_team_member m"
                + " join work_team t on t.id = m.team_id join region r on r.code = t.village_code"
                + " where m.cadre_id = ? and (m.ended_on is null or m.ended_on > ?) order by m.started_on",
                (rs, n) -> "serves in the team in " + rs.getString(1) + " (team " + rs.getLong(2) + ") from "
                        + rs.getDate(3) + (rs.getDate(4) == null ? "" : " to " + rs.getDate(4)),
                cadreId, Date.valueOf(from));
        return found.isEmpty() ? null : found.get(0);
    }

    private String currentTeam(String villageCode) {
        List<Long> ids = jdbc.queryForList("select id from work_team where current_village = ?", Long.class, villageCode);
        return ids.isEmpty() ? null : "team " + ids.get(0);
    }

    private Cadre lockedCadre(long cadreId, String field, Map<String, String> errors) {
        List<Long> locked = jdbc.queryForList("select id from cadre where id = ? for update", Long.class, cadreId);
        if (locked.isEmpty()) {
            errors.put(field, "no cadre " + cadreId);
            return null;
        }
        return assistance.cadre(cadreId);
    }

    /** The unit must serve the village's county: its region lies in the county or above it. */
    private AssistingUnit unit(Long unitId, String county, String field, Map<String, String> errors) {
        if (unitId == null) {
            errors.put(field, "is required");
            return null;
        }
        AssistingUnit unit = assistance.unit(unitId).orElse(null);
        if (unit == null) {
            errors.put(field, "no assisting unit " + unitId);
            return null;
        }
        RegionCode region = RegionCode.of(unit.getRegionCode());
        RegionCode countyCode = RegionCode.of(county);
        if (!region.isWithin(countyCode) && !countyCode.isWithin(region)) {
            errors.put(field, unit.getName() + " (" + unit.getRegionCode() + ") is neither in "
                    + regions.get(county).label() + " nor above it");
        }
        return unit;
    }

    private static void startDate(LocalDate date, String field, LocalDate today, Map<String, String> errors) {
        if (date == null) {
            errors.put(field, "is required");
        } else if (date.isBefore(today.minusYears(YEARS_BACK)) || date.isAfter(today.plusDays(DAYS_AHEAD))) {
            errors.put(field, "between " + today.minusYears(YEARS_BACK) + " and " + today.plusDays(DAYS_AHEAD));
        }
    }

    private void endDate(LocalDate date, LocalDate started, String field, Map<String, String> errors) {
        if (date == null) {
            errors.put(field, "is required");
        } else if (date.isBefore(started) || date.isAfter(today())) {
            errors.put(field, "between the start " + started + " and today; a period ends once it has ended");
        }
    }

    private long insert(String sql, Object... args) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            return statement;
        }, keys);
        return Objects.requireNonNull(keys.getKey()).longValue();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    static String text(String value, String field, int max, boolean required, Map<String, String> errors) {
        String text = value == null ? "" : value.strip();
        if (required && text.isEmpty()) {
            errors.put(field, "is required");
        } else if (text.length() > max) {
            errors.put(field, "at most " + max + " characters");
        }
        return text.isEmpty() ? null : text;
    }

    static FieldRuleException conflict(Map<String, String> errors) {
        return new FieldRuleException(HttpStatus.CONFLICT, "village-assistance-conflict",
                "驻村帮扶冲突 / Village assistance conflict", new TreeMap<>(errors));
    }

    static FieldRuleException unknown(String field, String rule) {
        return new FieldRuleException(HttpStatus.NOT_FOUND, "not-found", "不存在 / Not found", Map.of(field, rule));
    }

    private static void throwIfAny(Map<String, String> errors) {
        if (!errors.isEmpty()) {
            throw FieldRuleException.invalid(errors);
        }
    }
}
