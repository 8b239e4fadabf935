package org.precisionaid.villageteams;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo village assistance structure (after the demo cadres of {@code AssistanceDemoData}): a work team stationed in
 * 阿勒帕萨勒干村 (Toli, 654224101201) and one in 吉也克村 (Yumin, 654225101205), each with its leader and first
 * secretary from the demo cadres; units paired with those villages; a prefecture leader's contact point in Toli county
 * and county leaders' in the two villages. Divisions are real; leaders' names are invented, as the cadres' are.
 */
@Component
@Order(25)
@ConditionalOnProperty(name = "precision-aid.demo", havingValue = "true")
class VillageTeamDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(VillageTeamDemoData.class);

    record DemoTeam(String village, String unit, String leader, String firstSecretary, List<String> members,
                    List<String> pairedUnits) {
    }

    record DemoContact(String leader, String post, String region) {
    }

    static final List<DemoTeam> TEAMS = List.of(
            new DemoTeam("654224101201", "托里县农业农村局", "刘志强", "刘志强", List.of("李秀梅"),
                    List.of("托里县农业农村局", "塔城地区行政公署办公室")),
            new DemoTeam("654225101205", "裕民县人力资源和社会保障局", "阿依达娜·木拉提", "阿依达娜·木拉提",
                    List.of("赵丽"), List.of("裕民县人力资源和社会保障局")));

    static final List<DemoContact> CONTACTS = List.of(
            new DemoContact("王建军", "塔城地区行署副专员 / Deputy commissioner, Tacheng Prefecture", "654224000000"),
            new DemoContact("陈立新", "托里县副县长 / Deputy county head, Toli", "654224101201"),
            new DemoContact("周海燕", "裕民县委副书记 / Deputy party secretary, Yumin", "654225101205"));

    private final WorkTeams teams;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    VillageTeamDemoData(WorkTeams teams, JdbcTemplate jdbc, Clock clock) {
        this.teams = teams;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate since = LocalDate.now(clock).minusMonths(8).withDayOfMonth(1);
        int created = 0;
        for (DemoTeam t : TEAMS) {
            if (count("select count(*) from work_team where village_code = ?", t.village()) > 0) {
                continue;
            }
            String county = t.village().substring(0, 6) + "000000";
            teams.station(new WorkTeams.Stationing(t.village(), unit(t.unit()), since, since.plusYears(2),
                    cadre(t.leader(), county), cadre(t.firstSecretary(), county),
                    t.members().stream().map(name -> cadre(name, county)).toList()), "demo");
            for (String unit : t.pairedUnits()) {
                teams.pairUnit(t.village(), unit(unit), since, "demo");
            }
            created++;
        }
        for (DemoContact c : CONTACTS) {
            if (count("select count(*) from contact_point where region_code = ? and leader_name = ?", c.region(),
                    c.leader()) == 0) {
                teams.addContactPoint(new WorkTeams.NewContactPoint(c.leader(), c.post(), null, c.region(), since),
                        "demo");
            }
        }
        log.info("Demo village teams: {} new", created);
    }

    private long unit(String name) {
        return jdbc.queryForObject("select min(id) from assisting_unit where name = ?", Long.class, name);
    }

    private long cadre(String name, String county) {
        return jdbc.queryForObject("select min(id) from cadre where name = ? and county_code = ?", Long.class, name,
                county);
    }

    private int count(String sql, Object... args) {
        Integer n = jdbc.queryForObject(sql, Integer.class, args);
        return n == null ? 0 : n;
    }
}
