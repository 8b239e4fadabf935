package org.precisionaid.villageteams;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.region.Region;
import org.precisionaid.region.RegionCode;
import org.precisionaid.region.RegionLevel;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.VillageTeams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assistance structure of a village as it stands today: the work team stationed there (its dispatching unit,
 * leader, first secretary and members), the assisting units paired with the village with the households their cadres
 * answer for there, and the leaders whose contact point is the village or its county. Read by the village's page and
 * JSON, the household's card and other procedures ({@link #of(String)}); written by {@link WorkTeams}.
 */
@Service
@Transactional(readOnly = true)
public class VillageAssistance implements VillageTeams {

    private final JdbcTemplate jdbc;
    private final RegionService regions;
    private final Clock clock;

    VillageAssistance(JdbcTemplate jdbc, RegionService regions, Clock clock) {
        this.jdbc = jdbc;
        this.regions = regions;
        this.clock = clock;
    }

    /** A cadre as a team lists him: no phone, no login (those stay with the cadre registry). */
    public record CadreRef(long cadreId, String name, String nameLatin, String rank, String rankLabel, String unit) {
        String label() {
            return name + (nameLatin == null ? "" : " " + nameLatin);
        }
    }

    public record Member(CadreRef cadre, boolean leader, boolean firstSecretary, LocalDate startedOn,
                         LocalDate endedOn) {
    }

    public record Team(long id, String name, String villageCode, String village, long unitId, String unit,
                       LocalDate startedOn, LocalDate plannedEndOn, LocalDate endedOn, String endReason,
                       CadreRef leader, CadreRef firstSecretary, List<Member> members, String createdBy,
                       Instant createdAt, String endedBy) {
        public boolean stationed() {
            return endedOn == null;
        }
    }

    /** A unit paired with the village, and the village's households its cadres answer for today. */
    public record PairedUnit(long id, long unitId, String unit, String unitRegionCode, LocalDate startedOn,
                             LocalDate endedOn, String endReason, long householdsPaired) {
    }

    public record ContactPoint(long id, String leaderName, String post, String regionCode, String region,
                               String level, LocalDate startedOn, LocalDate endedOn, String endReason) {
    }

    /**
     * The village's structure today. {@code householdsAssisted}: the village's households with a responsible cadre
     * now; {@code householdsOutsideUnits}: those of them whose cadre belongs to none of the paired units (what the
     * pairing leaves to cover, ADR 0024).
     */
    public record Structure(String villageCode, String village, Team team, List<PairedUnit> units,
                            long householdsAssisted, long householdsOutsideUnits, List<ContactPoint> contactPoints) {
    }

    /** The village's assistance structure today; every part empty when nothing is recorded. */
    public Structure of(String villageCode) {
        Region village = regions.get(villageCode);
        LocalDate today = LocalDate.now(clock);
        Team team = teams("t.current_village = ?", villageCode).stream().findFirst().orElse(null);
        Map<Long, Long> byUnit = new HashMap<>();
        long[] assisted = {0};
        jdbc.query("select f.assisting_unit_id, count(*) from file_card f join household h on h.id = f.household_id"
                + " where h.village_code = ? and f.cadre_id is not null and (f.pairing_ends is null or f.pairing_ends > ?)"
                + " group by f.assisting_unit_id", rs -> {
                    byUnit.put(rs.getLong(1), rs.getLong(2));
                    assisted[0] += rs.getLong(2);
                }, villageCode, Date.valueOf(today));
        List<PairedUnit> units = units(villageCode, true, byUnit);
        long covered = units.stream().mapToLong(PairedUnit::householdsPaired).sum();
        String county = village.code().ancestor(RegionLevel.COUNTY).value();
        List<ContactPoint> contacts = contactPoints("c.region_code in (?, ?) and c.ended_on is null",
                new Object[] {villageCode, county});
        return new Structure(villageCode, village.label(), team, units, assisted[0], assisted[0] - covered, contacts);
    }

    @Override
    public Names namesFor(String villageCode) {
        if (!regions.exists(villageCode)) {
            return Names.NONE;
        }
        Structure s = of(villageCode);
        Team team = s.team();
        return new Names(team == null ? null : team.name(),
                team == null || team.leader() == null ? null : withRank(team.leader()),
                team == null || team.firstSecretary() == null ? null : withRank(team.firstSecretary()),
                s.units().stream().map(PairedUnit::unit).toList());
    }

    /** Every team ever stationed in the village, the current one first. */
    public List<Team> history(String villageCode) {
        return teams("t.village_code = ?", villageCode);
    }

    Optional<Team> team(long id) {
        return teams("t.id = ?", id).stream().findFirst();
    }

    /** Teams of villages under a code prefix, stationed ones (or all) by village. */
    List<Team> teamsIn(String prefix, boolean includeEnded, int page, int size) {
        return teams("t.village_code like ?" + (includeEnded ? "" : " and t.ended_on is null")
                + " order by t.village_code, t.started_on desc, t.id limit " + size + " offset " + (long) page * size,
                prefix + "%");
    }

    List<PairedUnit> units(String villageCode, boolean currentOnly, Map<Long, Long> householdsByUnit) {
        return jdbc.query("select v.id, v.unit_id, u.name, u.region_code, v.started_on, v.ended_on, v.end_reason"
                + " from village_unit v join assisting_unit u on u.id = v.unit_id where v.village_code = ?"
                + (currentOnly ? " and v.ended_on is null" : "") + " order by v.ended_on desc nulls first, v.started_on, v.id",
                (rs, n) -> new PairedUnit(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        date(rs, 5), date(rs, 6), rs.getString(7),
                        rs.getObject(6) == null ? householdsByUnit.getOrDefault(rs.getLong(2), 0L) : 0L),
                villageCode);
    }

    List<ContactPoint> contactPointsIn(String prefix, boolean includeEnded) {
        return contactPoints("c.region_code like ?" + (includeEnded ? "" : " and c.ended_on is null"),
                new Object[] {prefix + "%"});
    }

    Optional<ContactPoint> contactPoint(long id) {
        return contactPoints("c.id = ?", new Object[] {id}).stream().findFirst();
    }

    private List<ContactPoint> contactPoints(String where, Object[] args) {
        return jdbc.query("select c.id, c.leader_name, c.post, c.region_code, r.name_zh, r.name_en, c.started_on,"
                + " c.ended_on, c.end_reason from contact_point c join region r on r.code = c.region_code where " + where
                + " order by c.region_code, c.started_on, c.id", (rs, n) -> new ContactPoint(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5) + " / " + rs.getString(6),
                        RegionCode.of(rs.getString(4)).level().name(), date(rs, 7), date(rs, 8), rs.getString(9)),
                args);
    }

    private List<Team> teams(String where, Object arg) {
        Map<Long, Team> teams = new LinkedHashMap<>();
        Map<Long, List<Member>> members = new HashMap<>();
        jdbc.query("select t.id, t.village_code, r.name_zh, r.name_en, t.unit_id, u.name, t.started_on, t.planned_end_on,"
                + " t.ended_on, t.end_reason, t.created_by, t.created_at, t.ended_by from work_team t"
                + " join region r on r.code = t.village_code join assisting_unit u on u.id = t.unit_id where " + where
                + (where.contains("order by") ? "" : " order by t.ended_on desc nulls first, t.started_on desc, t.id"),
                rs -> {
                    long id = rs.getLong(1);
                    teams.put(id, new Team(id, rs.getString(6) + "驻" + rs.getString(3) + "工作队 / Work team in "
                            + rs.getString(4), rs.getString(2), rs.getString(3) + " / " + rs.getString(4),
                            rs.getLong(5), rs.getString(6), date(rs, 7), date(rs, 8), date(rs, 9), rs.getString(10),
                            null, null, List.of(), rs.getString(11), rs.getTimestamp(12).toInstant(),
                            rs.getString(13)));
                }, arg);
        if (teams.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", teams.keySet().stream().map(id -> "?").toList());
        jdbc.query("select m.team_id, c.id, c.name, c.name_latin, c.cadre_rank, u.name, m.leader, m.first_secretary,"
                + " m.started_on, m.ended_on from work_team_member m join cadre c on c.id = m.cadre_id"
                + " join assisting_unit u on u.id = c.unit_id where m.team_id in (" + marks + ")"
                + " order by m.team_id, m.leader desc, m.first_secretary desc, m.started_on, c.id", rs -> {
                    CadreRank rank = CadreRank.valueOf(rs.getString(5));
                    CadreRef cadre = new CadreRef(rs.getLong(2), rs.getString(3), rs.getString(4), rank.name(),
                            rank.label(), rs.getString(6));
                    members.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Member(cadre,
                            rs.getBoolean(7), rs.getBoolean(8), date(rs, 9), date(rs, 10)));
                }, teams.keySet().toArray());
        List<Team> out = new ArrayList<>();
        for (Team t : teams.values()) {
            List<Member> list = members.getOrDefault(t.id(), List.of());
            // the team's leader and first secretary now: for an ended team, the last to hold the role
            CadreRef leader = list.stream().filter(Member::leader).filter(m -> m.endedOn() == null || !t.stationed())
                    .map(Member::cadre).findFirst().orElse(null);
            CadreRef secretary = list.stream().filter(Member::firstSecretary)
                    .filter(m -> m.endedOn() == null || !t.stationed()).map(Member::cadre).findFirst().orElse(null);
            out.add(new Team(t.id(), t.name(), t.villageCode(), t.village(), t.unitId(), t.unit(), t.startedOn(),
                    t.plannedEndOn(), t.endedOn(), t.endReason(), leader, secretary, List.copyOf(list), t.createdBy(),
                    t.createdAt(), t.endedBy()));
        }
        return out;
    }

    private static String withRank(CadreRef cadre) {
        return cadre.label() + "（" + cadre.rankLabel() + "）";
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
