package org.precisionaid.villageteams;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.region.RegionService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.AtOnce;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.PostgresTest;
import org.precisionaid.support.Villages;
import org.precisionaid.web.FieldRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two county officials station teams at the same moment on a real PostgreSQL: a cadre ends up in one team only, a
 * village with one stationed team; the one who came second is told why (409 naming the field), nothing half-written.
 */
@PostgresTest
class WorkTeamPostgresTest {

    @Autowired WorkTeams teams;
    @Autowired AssistanceService assistance;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired JdbcTemplate jdbc;

    final ExecutorService pool = Executors.newFixedThreadPool(2);
    final LocalDate start = LocalDate.now().minusMonths(1);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void theSameCadreAddedToTwoTeamsAtOnceServesInOneOnly() throws Exception {
        String first = Villages.fresh(regions, officials);
        String second = Villages.fresh(regions, officials);
        long unit = assistance.createUnit("驻村并发测试单位" + System.nanoTime(), "654224000000").getId();
        long shared = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long leaderA = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long leaderB = Cadres.fresh(assistance, "654224", CadreRank.STAFF);

        List<Object> outcomes = AtOnce.run(pool,
                () -> teams.station(new WorkTeams.Stationing(first, unit, start, null, leaderA, shared, List.of()), "a"),
                () -> teams.station(new WorkTeams.Stationing(second, unit, start, null, leaderB, null, List.of(shared)),
                        "b"));

        assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
        List<FieldRuleException> refused = outcomes.stream().filter(FieldRuleException.class::isInstance)
                .map(FieldRuleException.class::cast).toList();
        assertThat(refused).hasSize(1);
        assertThat(refused.get(0).status().value()).isEqualTo(409);
        assertThat(String.join(" ", refused.get(0).errors().values())).contains("one team at a time");
        assertThat(jdbc.queryForObject("select count(*) from work_team_member where cadre_id = ? and ended_on is null",
                Integer.class, shared)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from work_team where village_code in (?, ?)", Integer.class,
                first, second)).as("the refused team is not left behind without its members").isEqualTo(1);
    }

    @Test
    void twoTeamsForOneVillageAtOnceLeaveOneStationed() throws Exception {
        String village = Villages.fresh(regions, officials);
        long unit = assistance.createUnit("驻村并发测试单位" + System.nanoTime(), "654224000000").getId();
        long leaderA = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long leaderB = Cadres.fresh(assistance, "654224", CadreRank.STAFF);

        List<Object> outcomes = AtOnce.run(pool,
                () -> teams.station(new WorkTeams.Stationing(village, unit, start, null, leaderA, null, List.of()), "a"),
                () -> teams.station(new WorkTeams.Stationing(village, unit, start, null, leaderB, null, List.of()), "b"));

        assertThat(outcomes).filteredOn(Long.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(FieldRuleException.class::isInstance)
                .allSatisfy(e -> assertThat(((FieldRuleException) e).errors()).containsKey("villageCode"));
        assertThat(jdbc.queryForObject("select count(*) from work_team where village_code = ?", Integer.class, village))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from work_team_member m join work_team t on t.id = m.team_id"
                + " where t.village_code = ?", Integer.class, village)).isEqualTo(1);
    }

    @Test
    void theMigrationKeepsOneCurrentMembershipPerCadreInTheDatabaseItself() {
        String village = Villages.fresh(regions, officials);
        long unit = assistance.createUnit("驻村约束测试单位" + System.nanoTime(), "654224000000").getId();
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long team = teams.station(new WorkTeams.Stationing(village, unit, start, null, cadre, null, List.of()), "a");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update("insert into work_team_member"
                + " (team_id, cadre_id, leader, first_secretary, started_on, current_cadre) values (?, ?, false, false, ?, ?)",
                team, cadre, java.sql.Date.valueOf(start), cadre))
                .as("a second current membership, written past the service").isInstanceOf(
                        org.springframework.dao.DataIntegrityViolationException.class);
    }
}
