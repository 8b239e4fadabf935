package org.precisionaid.assistance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.registry.Codes.Status;
import org.precisionaid.registry.FileCard;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Pairing at registration: the form's options, and the refusals a township official would see in Tasklist. */
@IntegrationTest
class RegistrationPairingTest {

    static final String VILLAGE = "654224101200";   // 南湾村, 铁厂沟镇, 托里县
    static final String TOWNSHIP = "township.654224101";

    @Autowired IdentificationStarter starter;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AssistanceService assistance;
    @Autowired HouseholdService households;
    @Autowired ObjectMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired RegistrationOptionsRefresh refresh;

    Registrations cases;

    @BeforeEach
    void cases() {
        cases = new Registrations(starter, identity, tasks, runtime, management);
    }

    @Test
    void theFormOffersTheCountysCadresWithQuotaLeftAndNoPhone() throws Exception {
        long withRoom = Cadres.fresh(assistance, "654224", CadreRank.TOWNSHIP);
        long full = Cadres.fresh(assistance, "654224", CadreRank.TOWNSHIP);
        long otherCounty = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        cases.registered(VILLAGE, full);   // Tacheng: a township-rank cadre takes 1 household

        String applicationNo = cases.atRegistration(VILLAGE);
        Task task = cases.registrationTask(applicationNo);
        TypedValue options = tasks.getVariableLocalTyped(task.getId(), RegistrationPairing.OPTIONS, false);
        assertThat(options.getType().getName()).as("Tasklist parses Json variables for a select's valuesKey")
                .isEqualTo("json");
        JsonNode list = json.readTree(options.getValue().toString());
        List<String> values = list.findValuesAsText("value");
        assertThat(values).contains(String.valueOf(withRoom)).doesNotContain(String.valueOf(full),
                String.valueOf(otherCounty));
        String label = list.get(values.indexOf(String.valueOf(withRoom))).get("label").asText();
        assertThat(label).isEqualTo("测试干部" + label.substring(4, label.indexOf('（')) + "（乡科级，剩余1户）/ Test Cadre "
                + label.substring(4, label.indexOf('（')) + " (township, 1 left)");
        assertThat(options.getValue().toString()).doesNotContain("1380000");
    }

    @Test
    void aCadreAddedOrGoneWhileTheTaskIsOpenIsOfferedOrWithdrawnAtOnce() {
        String applicationNo = cases.atRegistration(VILLAGE);
        String taskId = cases.registrationTask(applicationNo).getId();
        long added = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        assertThat(tasks.getVariableLocal(taskId, RegistrationPairing.OPTIONS).toString())
                .as("the form offers only what the list holds (ADR 0017): a new cadre is in it at once")
                .contains("\"" + added + "\"");

        assistance.leave(added, "调任 / Transferred");
        assertThat(tasks.getVariableLocal(taskId, RegistrationPairing.OPTIONS).toString())
                .doesNotContain("\"" + added + "\"");

        // a task from before this version, without a list, gets one at the next start
        tasks.removeVariableLocal(taskId, RegistrationPairing.OPTIONS);
        refresh.run(null);
        assertThat(tasks.getVariableLocal(taskId, RegistrationPairing.OPTIONS)).isNotNull();
    }

    @Test
    void theRegisteredFileCardNamesCadreAndUnitByReferenceAndTheHistoryBegins() {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        String applicationNo = cases.registered(VILLAGE, cadre);

        var household = households.get(applicationNo);
        assertThat(household.getStatus()).isEqualTo(Status.REGISTERED);
        FileCard card = households.fileCard(household.getId()).orElseThrow();
        assertThat(card.getCadreId()).isEqualTo(cadre);
        assertThat(card.getAssistingUnitId()).isEqualTo(assistance.cadre(cadre).getUnit().getId());
        assertThat(card.getResponsibleCadre()).as("no free text any more").isNull();
        assertThat(households.view(applicationNo).fileCard().responsibleCadre()).startsWith("测试干部");
        assertThat(assistance.history(household.getId())).singleElement().satisfies(pairing -> {
            assertThat(pairing.getCadre().getId()).isEqualTo(cadre);
            assertThat(pairing.getStartedBy()).isEqualTo(TOWNSHIP);
            assertThat(pairing.getEndedAt()).isNull();
        });
    }

    @Test
    void aCadreOverQuotaIsRefusedWithCadreAndQuotaNamedAndTheTaskStaysOpen() {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.TOWNSHIP);
        String first = cases.atRegistration(VILLAGE);
        String second = cases.atRegistration(VILLAGE);
        cases.register(first, cadre);

        assertThatThrownBy(() -> cases.register(second, cadre))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("请更正 / Please correct")
                .hasMessageContaining("测试干部")
                .hasMessageContaining("already answers for 1 of 1 households")
                .hasMessageContaining("prefecture 6542");
        assertThat(cases.registrationTask(second)).as("the task stays open").isNotNull();
        assertThat(households.get(second).getStatus()).isEqualTo(Status.ANNOUNCED);
        assertThat(households.fileCard(households.get(second).getId())).isEmpty();
    }

    @Test
    void registrationsCompletedAtOnceCannotBothTakeTheLastSlot() throws Exception {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.TOWNSHIP);
        List<String> waiting = List.of(cases.atRegistration(VILLAGE), cases.atRegistration(VILLAGE));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> outcomes = waiting.stream().map(no -> pool.submit(() -> {
            go.await();
            try {
                cases.register(no, cadre);
                return true;
            } catch (RuntimeException refused) {
                return false;
            }
        })).toList();
        go.countDown();
        long registered = 0;
        for (var outcome : outcomes) {
            registered += outcome.get() ? 1 : 0;
        }
        pool.shutdown();
        assertThat(registered).isEqualTo(1);
        assertThat(assistance.currentHouseholdIds(cadre)).hasSize(1);
    }

    @Test
    void aCadreOfAnotherCountyAnUnknownOneOrNoneIsRefused() {
        long yumin = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        String applicationNo = cases.atRegistration(VILLAGE);

        // the form offers only the county's own cadres: anything else is refused before the case sees it
        assertThatThrownBy(() -> cases.register(applicationNo, yumin))
                .hasMessageContaining("cadreId: choose one of the options the form offered");
        assertThatThrownBy(() -> cases.register(applicationNo, 987654321L))
                .hasMessageContaining("cadreId: choose one of the options the form offered");
        Map<String, Object> none = Registrations.registration(1);
        none.put("cadreId", "");
        assertThatThrownBy(() -> org.precisionaid.support.Officials.claimAndComplete(identity, tasks, TOWNSHIP,
                applicationNo, none)).hasMessageContaining("choose the responsible cadre");
        assertThat(cases.registrationTask(applicationNo)).isNotNull();
    }

    @Test
    void aCadreWhoHasLeftIsNotOfferedAndIsRefused() {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        assistance.leave(cadre, "调任 / Transferred");
        String applicationNo = cases.atRegistration(VILLAGE);

        assertThat(tasks.getVariableLocal(cases.registrationTask(applicationNo).getId(), RegistrationPairing.OPTIONS)
                .toString()).doesNotContain("\"" + cadre + "\"");
        assertThatThrownBy(() -> cases.register(applicationNo, cadre))
                .hasMessageContaining("cadreId: choose one of the options the form offered");
    }

    @Test
    void quotasAreDataPerPrefectureWithTheSeedsDefaultElsewhere() {
        Cadre tachengCounty = assistance.cadre(Cadres.fresh(assistance, "654224", CadreRank.COUNTY));
        Cadre tachengPrefecture = assistance.cadre(Cadres.fresh(assistance, "654224", CadreRank.PREFECTURE));
        Cadre tachengStaff = assistance.cadre(Cadres.fresh(assistance, "654224", CadreRank.STAFF));
        assertThat(assistance.quota(tachengPrefecture)).isEqualTo(3);
        assertThat(assistance.quota(tachengCounty)).as("Tacheng: county leaders 2").isEqualTo(2);
        assertThat(assistance.quota(tachengStaff)).as("default row").isEqualTo(5);

        jdbc.update("update cadre_quota set households = 4 where prefecture = '6542' and cadre_rank = 'COUNTY'");
        try {
            assertThat(assistance.load(tachengCounty).left()).as("a changed row applies at once").isEqualTo(4);
        } finally {
            jdbc.update("update cadre_quota set households = 2 where prefecture = '6542' and cadre_rank = 'COUNTY'");
        }
    }

    @Test
    void anExitedHouseholdKeepsItsCadreForTheTransitionPeriodThenFreesTheQuota() {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.TOWNSHIP);
        String applicationNo = cases.registered(VILLAGE, cadre);
        long householdId = households.get(applicationNo).getId();
        LocalDate today = LocalDate.now();

        LocalDate ends = assistance.householdExited(householdId, today.minusYears(1));
        assertThat(ends).as("transition-period P3Y").isEqualTo(today.minusYears(1).plusYears(3));
        assertThat(assistance.currentHouseholdIds(cadre)).containsExactly(householdId);
        assertThat(assistance.load(assistance.cadre(cadre)).left()).isZero();

        assistance.householdExited(householdId, today.minusYears(3));
        assertThat(assistance.currentHouseholdIds(cadre)).as("transition over").isEmpty();
        assertThat(assistance.load(assistance.cadre(cadre)).left()).isEqualTo(1);
        assertThat(households.fileCard(householdId).orElseThrow().getCadreId()).as("the card still says who helped")
                .isEqualTo(cadre);
    }
}
