package org.precisionaid.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.PostgresTest;
import org.precisionaid.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The assistance registry on a real PostgreSQL: migration, quota under concurrent registrations, reassignment. */
@PostgresTest
class AssistancePostgresTest {

    static final String VILLAGE = "654225101210";   // 萨热布拉克村, 吉也克镇, 裕民县

    @Autowired IdentificationStarter starter;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AssistanceService assistance;
    @Autowired HouseholdService households;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theMigrationCreatesTheRegistryAndTheSeedsQuotas() {
        assertThat(jdbc.queryForObject("select households from cadre_quota where prefecture = '6542' and cadre_rank = 'TOWNSHIP'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from cadre where user_id like 'cadre.654225.%'", Integer.class))
                .as("demo cadres of Yumin with a login").isEqualTo(2);
    }

    @Test
    void twoTownshipsCompletingRegistrationsAtOnceCannotBothTakeTheLastSlot() throws Exception {
        Registrations cases = new Registrations(starter, identity, tasks, runtime, management);
        long cadre = Cadres.fresh(assistance, "654225", CadreRank.TOWNSHIP);   // Tacheng: 1 household
        List<String> waiting = List.of(cases.atRegistration(VILLAGE), cases.atRegistration(VILLAGE),
                cases.atRegistration(VILLAGE));

        ExecutorService pool = Executors.newFixedThreadPool(waiting.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (String applicationNo : waiting) {
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    cases.register(applicationNo, cadre);
                    return true;
                } catch (RuntimeException refused) {
                    assertThat(refused).hasMessageContaining("already answers for 1 of 1 households");
                    return false;
                }
            }));
        }
        go.countDown();
        long registered = 0;
        for (Future<Boolean> outcome : outcomes) {
            registered += outcome.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(registered).isEqualTo(1);
        assertThat(assistance.currentHouseholdIds(cadre)).hasSize(1);
        assertThat(waiting.stream().filter(no -> households.get(no).getStatus() == Status.REGISTERED)).hasSize(1);
        assertThat(waiting.stream().filter(no -> cases.registrationTask(no) != null)).as("still open").hasSize(2);
    }

    @Test
    void aReassignmentKeepsTheHistoryOnPostgresql() {
        Registrations cases = new Registrations(starter, identity, tasks, runtime, management);
        long first = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        long second = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        String applicationNo = cases.registered(VILLAGE, first);

        assistance.reassign(applicationNo, second, "调任 / Transferred", "county.654225");

        assertThat(assistance.history(households.get(applicationNo).getId()))
                .extracting(p -> p.getCadre().getId(), p -> p.getEndedAt() == null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first, false),
                        org.assertj.core.groups.Tuple.tuple(second, true));
    }
}
