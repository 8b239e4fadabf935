package org.precisionaid.assistance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.precisionaid.identification.IdentificationStarter;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Registrations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** /api/cadres and /api/households/{no}/pairing as officials and cadres of the demo regions use them. */
@IntegrationTest
class CadreApiTest {

    static final String VILLAGE = "654224101203";        // 哈图村, 铁厂沟镇, 托里县
    static final String OTHER_TOWNSHIP_VILLAGE = "654224102201"; // 萨尔喀木斯村, 庙尔沟镇, 托里县
    static final String COUNTY = "county.654224";
    static final String TOWNSHIP = "township.654224101";
    static final String OTHER_TOWNSHIP = "township.654224102";

    @Autowired TestRestTemplate rest;
    @Autowired IdentificationStarter starter;
    @Autowired IdentityService identity;
    @Autowired TaskService tasks;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;
    @Autowired AssistanceService assistance;
    @Autowired HouseholdService households;
    @Autowired OfficialDirectory officials;
    @Autowired JdbcTemplate jdbc;

    Registrations cases;

    @BeforeEach
    void cases() {
        cases = new Registrations(starter, identity, tasks, runtime, management);
    }

    // ---- listing and reading cadres

    @Test
    void theCountyListsItsCadresWithHouseholdsPairedQuotaLeftAndPhone() {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.COUNTY);
        cases.registered(VILLAGE, cadre);

        JsonNode list = get(COUNTY, "/api/cadres?region=654224000000&size=200").getBody();
        JsonNode mine = find(list, cadre);
        assertThat(mine.get("quota").asInt()).as("Tacheng: county leaders 2").isEqualTo(2);
        assertThat(mine.get("paired").asInt()).isEqualTo(1);
        assertThat(mine.get("quotaLeft").asInt()).isEqualTo(1);
        assertThat(mine.get("unit").get("name").asText()).startsWith("测试单位");
        assertThat(mine.get("phone").asText()).startsWith("1380000");
        assertThat(list.findValuesAsText("countyCode")).containsOnly("654224000000");
    }

    @Test
    void aTownshipSeesItsCountysCadresButNotTheirPhones() {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        JsonNode list = get(TOWNSHIP, "/api/cadres?size=200").getBody();
        assertThat(find(list, cadre).has("phone")).isFalse();
        assertThat(list.toString()).doesNotContain("13809010");   // demo cadres' phones
    }

    @Test
    void anotherCountysRegionOrCadreIsAProblem() {
        long yumin = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        ResponseEntity<JsonNode> region = get(COUNTY, "/api/cadres?region=654225000000");
        assertThat(region.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(region.getBody().get("errors").get("region").asText()).contains("outside your region");

        ResponseEntity<JsonNode> cadre = get(COUNTY, "/api/cadres/" + yumin);
        assertThat(cadre.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(cadre.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(cadre.getBody().get("errors").get("cadreId").asText()).isEqualTo("no cadre " + yumin);

        assertThat(get(COUNTY, "/api/cadres/99999999").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aProvinceOrPrefectureAskedByAVillageClerkIsNarrowedToHisCounty() {
        String clerk = "clerk.654224101201";
        long toli = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long yumin = Cadres.fresh(assistance, "654225", CadreRank.STAFF);

        ResponseEntity<JsonNode> province = get(clerk, "/api/cadres?region=650000000000&size=200");
        assertThat(province.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(province.getBody().findValuesAsText("countyCode")).as("Toli's cadres only")
                .isNotEmpty().containsOnly("654224000000");
        assertThat(ids(province.getBody())).doesNotContain(yumin);
        JsonNode county = get(clerk, "/api/cadres?region=654224000000&size=200").getBody();
        assertThat(ids(county)).contains(toli);

        ResponseEntity<JsonNode> units = get(clerk, "/api/assisting-units?region=654200000000&size=200");
        assertThat(units.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(units.getBody().findValuesAsText("regionCode")).isNotEmpty()
                .allSatisfy(code -> assertThat(code).startsWith("654224"));
        assertThat(units.getBody().findValuesAsText("name")).noneMatch(name -> name.contains("裕民"));

        ResponseEntity<JsonNode> yuminUnits = get(clerk, "/api/assisting-units?region=654225000000");
        assertThat(yuminUnits.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(yuminUnits.getBody().get("errors").get("region").asText()).contains("outside your region");

        JsonNode city = get("city.6542", "/api/cadres?region=650000000000&size=200").getBody();
        assertThat(city.findValuesAsText("countyCode")).as("the city office: its prefecture")
                .allSatisfy(code -> assertThat(code).startsWith("6542"));
    }

    // ---- the work ledger

    @Test
    void theCadreRecordsAVisitAndTheHouseholdsTownshipAndCountySeeItButNotAnotherTownship() {
        String user = loginCadre("654224");
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF, user);
        String applicationNo = cases.registered(VILLAGE, cadre);

        ResponseEntity<JsonNode> created = post(user, "/api/cadres/" + cadre + "/visits", Map.of(
                "applicationNo", applicationNo, "date", LocalDate.now().toString(), "measureType", "INDUSTRY",
                "description", "送来30只羊羔，讲解防疫 / Delivered 30 lambs", "amount", 12000));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("recordedBy").asText()).isEqualTo(user);

        JsonNode himself = get(user, "/api/cadres/" + cadre).getBody();
        assertThat(himself.get("households").findValuesAsText("applicationNo")).containsExactly(applicationNo);
        assertThat(himself.get("households").get(0).get("fileCard").get("cardNo").asText()).startsWith("JDLK-");
        assertThat(himself.get("cadre").get("phone").asText()).as("his own phone").startsWith("1380000");

        for (String official : new String[] {TOWNSHIP, COUNTY}) {
            JsonNode pairing = get(official, "/api/households/" + applicationNo + "/pairing").getBody();
            assertThat(pairing.get("visits").get(0).get("description").asText()).as(official).contains("30只羊羔");
            assertThat(pairing.get("visits").get(0).get("amount").decimalValue()).isEqualByComparingTo("12000");
        }
        assertThat(get(OTHER_TOWNSHIP, "/api/households/" + applicationNo + "/pairing").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(OTHER_TOWNSHIP, "/api/cadres/" + cadre).getBody().get("visits")).as("another township's")
                .isEmpty();
    }

    @Test
    void aCadreReadsHisHouseholdsPhoneInFullButNoIdNumberAndTheTownshipReadsItMasked() {
        String user = loginCadre("654224");
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF, user);
        String mine = cases.registered(VILLAGE, cadre);

        JsonNode himself = get(user, "/api/cadres/" + cadre).getBody().get("households").get(0);
        assertThat(himself.get("applicationNo").asText()).isEqualTo(mine);
        assertThat(himself.get("phone").asText()).as("he visits and calls it").isEqualTo("13912345678");
        assertThat(himself.has("idNumber")).isFalse();
        assertThat(get(user, "/api/households/" + mine).getStatusCode()).as("no ID numbers through the registry")
                .isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode township = get(TOWNSHIP, "/api/cadres/" + cadre).getBody().get("households").get(0);
        assertThat(township.get("phone").asText()).isEqualTo("139****5678");
        JsonNode county = get(COUNTY, "/api/cadres/" + cadre).getBody().get("households").get(0);
        assertThat(county.get("phone").asText()).isEqualTo("13912345678");
    }

    @Test
    void aCadresGroupGivesHimHisOwnHouseholdsNotHisCounty() {
        String user = loginCadre("654224");
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF, user);
        String mine = cases.registered(VILLAGE, cadre);
        String notMine = cases.registered(VILLAGE, Cadres.fresh(assistance, "654224", CadreRank.STAFF));

        assertThat(get(user, "/api/households/" + mine + "/pairing").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(user, "/api/households/" + notMine + "/pairing").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(user, "/api/households/" + notMine).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get(user, "/api/households?region=654224000000").getBody()).isEmpty();
        assertThat(get(user, "/api/cadres").getBody()).as("other cadres").isEmpty();
    }

    @Test
    void aVisitInTheFutureOrForSomeoneElsesHouseholdIsAProblemNamingTheField() {
        String user = loginCadre("654224");
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF, user);
        String mine = cases.registered(VILLAGE, cadre);
        String notMine = cases.registered(VILLAGE, Cadres.fresh(assistance, "654224", CadreRank.STAFF));

        ResponseEntity<JsonNode> future = post(user, "/api/cadres/" + cadre + "/visits", Map.of("applicationNo", mine,
                "date", LocalDate.now().plusDays(1).toString(), "measureType", "VISIT", "description", "走访"));
        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody().get("errors").get("date").asText()).contains("is in the future");

        ResponseEntity<JsonNode> other = post(user, "/api/cadres/" + cadre + "/visits", Map.of("applicationNo", notMine,
                "date", LocalDate.now().toString(), "measureType", "VISIT", "description", "走访"));
        assertThat(other.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        ResponseEntity<JsonNode> kind = post(user, "/api/cadres/" + cadre + "/visits", Map.of("applicationNo", mine,
                "date", LocalDate.now().toString(), "measureType", "PARTY", "description", ""));
        assertThat(kind.getBody().get("errors").get("measureType").asText()).contains("VISIT");
        assertThat(kind.getBody().get("errors").get("description").asText()).isEqualTo("is required");

        ResponseEntity<JsonNode> township = post(TOWNSHIP, "/api/cadres/" + cadre + "/visits", Map.of(
                "applicationNo", mine, "date", LocalDate.now().toString(), "measureType", "VISIT", "description", "x"));
        assertThat(township.getStatusCode()).as("only the cadre or his county office").isEqualTo(HttpStatus.FORBIDDEN);
    }

    // ---- reassignment

    @Test
    void theCountyReassignsAHouseholdWithAReasonAndTheHistoryKeepsBothCadres() {
        long before = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long after = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        String applicationNo = cases.registered(VILLAGE, before);

        ResponseEntity<JsonNode> response = post(COUNTY, "/api/households/" + applicationNo + "/pairing",
                Map.of("cadreId", after, "reason", "原帮扶人调任地区 / The cadre moved to the prefecture"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("cadre").get("id").asLong()).isEqualTo(after);
        assertThat(body.get("history").findValuesAsText("cadreId")).containsExactly(String.valueOf(before),
                String.valueOf(after));
        assertThat(body.get("history").get(0).get("endReason").asText()).contains("调任");
        assertThat(body.get("history").get(0).get("endedBy").asText()).isEqualTo(COUNTY);
        assertThat(households.fileCard(households.get(applicationNo).getId()).orElseThrow().getCadreId())
                .isEqualTo(after);
    }

    @Test
    void reassignmentIsForTheCountyWithAReasonToACadreWithQuotaOfTheCounty() {
        long before = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long full = Cadres.fresh(assistance, "654224", CadreRank.TOWNSHIP);
        cases.registered(VILLAGE, full);
        String applicationNo = cases.registered(VILLAGE, before);
        String url = "/api/households/" + applicationNo + "/pairing";

        ResponseEntity<JsonNode> township = post(TOWNSHIP, url, Map.of("cadreId", full, "reason", "x"));
        assertThat(township.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> overQuota = post(COUNTY, url, Map.of("cadreId", full, "reason", "调整"));
        assertThat(overQuota.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(overQuota.getBody().get("type").asText()).endsWith("/over-quota");
        assertThat(overQuota.getBody().get("errors").get("cadreId").asText())
                .contains("测试干部").contains("乡科级").contains("1 of 1 households");

        ResponseEntity<JsonNode> noReason = post(COUNTY, url, Map.of("cadreId", full));
        assertThat(noReason.getBody().get("errors").get("reason").asText()).isEqualTo("is required");

        ResponseEntity<JsonNode> unknown = post(COUNTY, url, Map.of("cadreId", 99999999, "reason", "调整"));
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("errors").get("cadreId").asText()).isEqualTo("no cadre 99999999");

        long yumin = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        assertThat(post(COUNTY, url, Map.of("cadreId", yumin, "reason", "调整")).getStatusCode())
                .as("a cadre of another county is not even visible").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(post("county.654225", url, Map.of("cadreId", yumin, "reason", "调整")).getStatusCode())
                .as("another county's office does not see the household").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(households.fileCard(households.get(applicationNo).getId()).orElseThrow().getCadreId())
                .isEqualTo(before);
    }

    @Test
    void aCadreLeavesOnlyWithHisHouseholdsHandedOverSoNoRegisteredHouseholdIsEverWithoutACadre() {
        long leaving = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long successor = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        String first = cases.registered(VILLAGE, leaving);
        String second = cases.registered(OTHER_TOWNSHIP_VILLAGE, leaving);

        ResponseEntity<JsonNode> alone = post(COUNTY, "/api/cadres/" + leaving + "/departure",
                Map.of("reason", "退休 / Retired"));
        assertThat(alone.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(alone.getBody().get("detail").asText()).contains("still responsible for 2 household(s)");

        ResponseEntity<JsonNode> handedOver = post(COUNTY, "/api/cadres/" + leaving + "/departure",
                Map.of("reason", "退休 / Retired", "toCadreId", successor));
        assertThat(handedOver.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(handedOver.getBody().get("households").asInt()).isEqualTo(2);
        assertThat(assistance.cadre(leaving).isActive()).isFalse();
        assertThat(assistance.currentHouseholdIds(successor)).containsExactlyInAnyOrder(
                households.get(first).getId(), households.get(second).getId());

        // across the whole registry, whatever other tests did: no registered household is left with a cadre who has
        // gone (fixtures that write the registry directly may hold households never paired; a departure cannot)
        assertThat(jdbc.queryForObject("""
                select count(*) from household h join file_card f on f.household_id = h.id
                where h.status = 'REGISTERED' and f.cadre_id in (select id from cadre where active = false)""",
                Long.class)).as("registered households whose cadre has departed").isZero();
    }

    @Test
    void aWholeHandOverMustFitTheSuccessorsQuota() {
        long leaving = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long small = Cadres.fresh(assistance, "654224", CadreRank.TOWNSHIP);
        cases.registered(VILLAGE, leaving);
        cases.registered(VILLAGE, leaving);

        ResponseEntity<JsonNode> response = post(COUNTY, "/api/cadres/" + leaving + "/reassignment",
                Map.of("reason", "调整", "toCadreId", small));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(response.getBody().get("errors").get("toCadreId").asText()).contains("2 more do not fit");
        assertThat(assistance.currentHouseholdIds(leaving)).hasSize(2);
        assertThat(assistance.currentHouseholdIds(small)).isEmpty();
    }

    // ---- quotas

    @Test
    void theCityOfficeSetsItsPrefecturesQuotasAndOthersCannot() {
        JsonNode rows = get(COUNTY, "/api/cadre-quotas?prefecture=6542").getBody();
        assertThat(rows.findValuesAsText("prefecture")).contains("6542", "0000");

        ResponseEntity<JsonNode> set = put("city.6542", "/api/cadre-quotas/6542/TOWNSHIP",
                Map.of("households", 1, "source", "塔城地委文件：乡级领导每人联系1户 / Tacheng: township leaders 1"));
        assertThat(set.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get(COUNTY, "/api/cadre-quotas?prefecture=6542").getBody().toString()).contains("塔城地委文件");

        assertThat(put(COUNTY, "/api/cadre-quotas/6542/TOWNSHIP", Map.of("households", 9, "source", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(put("city.6542", "/api/cadre-quotas/0000/TOWNSHIP", Map.of("households", 9, "source", "x"))
                .getStatusCode()).as("the default is the administrator's").isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> bad = put("city.6542", "/api/cadre-quotas/6542/GENERAL", Map.of("households", -1));
        assertThat(bad.getBody().get("errors").get("rank").asText()).contains("TOWNSHIP");
        assertThat(bad.getBody().get("errors").get("households").asText()).isEqualTo("0-50");
        assertThat(bad.getBody().get("errors").get("source").asText()).isEqualTo("is required");
    }

    // ---- the registry itself

    @Test
    void theCountyAddsAUnitAndACadreAndATownshipCannot() {
        ResponseEntity<JsonNode> unit = post(COUNTY, "/api/assisting-units",
                Map.of("name", "托里县水利局 " + System.nanoTime(), "regionCode", "654224000000"));
        assertThat(unit.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(unit.getBody().get("level").asText()).isEqualTo("COUNTY");
        long unitId = unit.getBody().get("id").asLong();

        Map<String, Object> cadre = new HashMap<>(Map.of("name", "古丽娜尔", "nameLatin", "Gulnar", "rank", "COUNTY",
                "unitId", unitId, "countyCode", "654224000000", "phone", "13912340000"));
        ResponseEntity<JsonNode> created = post(COUNTY, "/api/cadres", cadre);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("quotaLeft").asInt()).isEqualTo(2);

        assertThat(post(TOWNSHIP, "/api/cadres", cadre).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        cadre.put("userId", "county.654224");
        ResponseEntity<JsonNode> notACadreLogin = post(COUNTY, "/api/cadres", cadre);
        assertThat(notACadreLogin.getBody().get("errors").get("userId").asText())
                .contains("is not a login in group cadre-654224");
        cadre.remove("userId");
        long yuminUnit = assistance.createUnit("裕民县测试局 " + System.nanoTime(), "654225000000").getId();
        Map<String, Object> elsewhere = new HashMap<>(cadre);
        elsewhere.put("unitId", yuminUnit);
        assertThat(post(COUNTY, "/api/cadres", elsewhere).getBody().get("errors").get("unitId").asText())
                .contains("is neither in county 654224000000 nor above it");
        cadre.put("rank", "MINISTER");
        cadre.put("countyCode", "654224101000");
        ResponseEntity<JsonNode> bad = post(COUNTY, "/api/cadres", cadre);
        assertThat(bad.getBody().get("errors").get("rank").asText()).contains("PREFECTURE");
        assertThat(bad.getBody().get("errors").get("countyCode").asText()).contains("is not a county code");
    }

    // ---- what the cadres' screen uses: search, corrections, units, who may do what (issue #22)

    @Test
    void theListIsSearchedByNameUnitAndRankAndABadSearchNamesItsField() {
        String tag = String.valueOf(System.nanoTime());
        long unit = assistance.createUnit("托里县审计局" + tag, "654224000000").getId();
        long staff = assistance.createCadre("查找干部" + tag, "Search Staff " + tag, "STAFF", unit, "654224000000",
                null, null).getId();
        long other = assistance.createUnit("托里县统计局" + tag, "654224000000").getId();
        long township = assistance.createCadre("马木提" + tag, "Mamut " + tag, "TOWNSHIP", other, "654224000000",
                null, null).getId();

        assertThat(ids(get(TOWNSHIP, "/api/cadres?q=查找干部" + tag + "&size=200").getBody())).containsExactly(staff);
        assertThat(ids(get(COUNTY, "/api/cadres?q=审计局" + tag + "&size=200").getBody())).as("by the unit's name")
                .containsExactly(staff);
        assertThat(ids(get(COUNTY, "/api/cadres?q=MAMUT " + tag + "&size=200").getBody()))
                .as("the Latin name, in any case").containsExactly(township);
        assertThat(ids(get(COUNTY, "/api/cadres?q=" + tag + "&rank=township&size=200").getBody())).as("and the rank")
                .containsExactly(township);
        assertThat(ids(get(COUNTY, "/api/cadres?unitId=" + unit).getBody())).containsExactly(staff);
        assertThat(get(COUNTY, "/api/cadres?q=_&size=200").getBody()).as("a _ is a character, not a wildcard")
                .isEmpty();

        ResponseEntity<JsonNode> bad = get(COUNTY, "/api/cadres?rank=MINISTER&q=" + "x".repeat(65));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").get("rank").asText()).contains("TOWNSHIP");
        assertThat(bad.getBody().get("errors").get("q").asText()).isEqualTo("at most 64 characters");
    }

    @Test
    void theCountyCorrectsACadreAndATownshipOrAnotherCountyCannot() {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long unit = assistance.createUnit("托里县农业农村局 " + System.nanoTime(), "654224000000").getId();
        Map<String, Object> change = new HashMap<>(Map.of("name", "阿依古丽", "nameLatin", "Aygul", "rank", "COUNTY",
                "unitId", unit, "phone", "13999990000"));

        ResponseEntity<JsonNode> updated = put(COUNTY, "/api/cadres/" + cadre, change);
        assertThat(updated.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(updated.getBody().get("name").asText()).isEqualTo("阿依古丽");
        assertThat(updated.getBody().get("rankLabel").asText()).isEqualTo("县处级 / County level");
        assertThat(updated.getBody().get("unit").get("id").asLong()).isEqualTo(unit);
        assertThat(updated.getBody().get("quota").asInt()).as("Tacheng: county leaders 2").isEqualTo(2);
        assertThat(assistance.cadre(cadre).getPhone()).isEqualTo("13999990000");

        ResponseEntity<JsonNode> township = put(TOWNSHIP, "/api/cadres/" + cadre, change);
        assertThat(township.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(township.getBody().get("errors").get("cadreId").asText()).contains("county poverty-alleviation office");
        assertThat(put("county.654225", "/api/cadres/" + cadre, change).getStatusCode())
                .as("another county does not even see him").isEqualTo(HttpStatus.NOT_FOUND);

        long yuminUnit = assistance.createUnit("裕民县测试局 " + System.nanoTime(), "654225000000").getId();
        ResponseEntity<JsonNode> bad = put(COUNTY, "/api/cadres/" + cadre, Map.of("name", " ", "rank", "MINISTER",
                "unitId", yuminUnit, "phone", "call me"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode errors = bad.getBody().get("errors");
        assertThat(errors.get("name").asText()).isEqualTo("is required");
        assertThat(errors.get("rank").asText()).contains("PREFECTURE");
        assertThat(errors.get("unitId").asText()).contains("is neither in county 654224000000 nor above it");
        assertThat(errors.get("phone").asText()).isEqualTo("digits only, 5-20");
        assertThat(assistance.cadre(cadre).getName()).as("nothing written").isEqualTo("阿依古丽");
    }

    @Test
    void aLowerRankMustStillHoldTheCadresHouseholds() {
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        cases.registered(VILLAGE, cadre);
        cases.registered(VILLAGE, cadre);
        AssistingUnit unit = assistance.cadre(cadre).getUnit();

        ResponseEntity<JsonNode> lower = put(COUNTY, "/api/cadres/" + cadre, Map.of("name", "测试干部", "rank",
                "TOWNSHIP", "unitId", unit.getId()));
        assertThat(lower.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lower.getBody().get("errors").get("rank").asText()).contains("answers for 2 households")
                .contains("takes 1");
        assertThat(assistance.cadre(cadre).getRank()).isEqualTo(CadreRank.STAFF);
    }

    @Test
    void theCountyRenamesItsUnitAndATownshipOrAnotherCountyCannot() {
        long unit = assistance.createUnit("托里县交通运输局 " + System.nanoTime(), "654224000000").getId();
        String taken = assistance.createUnit("托里县住建局 " + System.nanoTime(), "654224000000").getName();
        String name = "托里县交通运输局（改） " + System.nanoTime();

        ResponseEntity<JsonNode> renamed = put(COUNTY, "/api/assisting-units/" + unit, Map.of("name", name));
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(renamed.getBody().get("name").asText()).isEqualTo(name);
        assertThat(get(TOWNSHIP, "/api/assisting-units?size=200").getBody().findValuesAsText("name")).contains(name);

        ResponseEntity<JsonNode> twice = put(COUNTY, "/api/assisting-units/" + unit, Map.of("name", taken));
        assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(twice.getBody().get("errors").get("name").asText()).contains("already exists in 654224000000");
        assertThat(put(COUNTY, "/api/assisting-units/" + unit, Map.of("name", "")).getBody().get("errors")
                .get("name").asText()).isEqualTo("is required");
        assertThat(put(TOWNSHIP, "/api/assisting-units/" + unit, Map.of("name", "乡镇改名")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<JsonNode> yumin = put("county.654225", "/api/assisting-units/" + unit, Map.of("name", "裕民改名"));
        assertThat(yumin.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(yumin.getBody().get("errors").get("unitId").asText()).isEqualTo("no assisting unit " + unit);
        assertThat(put(COUNTY, "/api/assisting-units/99999999", Map.of("name", "x")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void theScreensAskWhoManagesTheCountyAndWhoSetsThePrefecturesQuotas() {
        JsonNode county = get(COUNTY, "/api/cadre-access?county=654224000000&prefecture=6542").getBody();
        assertThat(county.get("manage").asBoolean()).isTrue();
        assertThat(county.get("setQuotas").asBoolean()).isFalse();
        assertThat(county.get("cadres").asBoolean()).isTrue();
        assertThat(county.get("quotas").asBoolean()).isTrue();

        JsonNode township = get(TOWNSHIP, "/api/cadre-access?county=654224000000").getBody();
        assertThat(township.get("manage").asBoolean()).isFalse();
        assertThat(township.get("cadres").asBoolean()).isTrue();
        assertThat(township.get("quotas").asBoolean()).as("not a township's screen").isFalse();
        assertThat(get("county.654225", "/api/cadre-access?county=654224000000").getBody().get("manage").asBoolean())
                .isFalse();
        assertThat(get("clerk.654224101201", "/api/cadre-access").getBody().get("cadres").asBoolean()).isFalse();

        JsonNode city = get("city.6542", "/api/cadre-access?prefecture=6542&county=654224000000").getBody();
        assertThat(city.get("setQuotas").asBoolean()).isTrue();
        assertThat(city.get("manage").asBoolean()).as("the city office above the county").isTrue();

        JsonNode workbench = get(TOWNSHIP, "/api/workbench/screens").getBody();
        assertThat(workbench.get("cadres").asBoolean()).as("the workbench links the same screens").isTrue();
        assertThat(workbench.get("pairing").asBoolean()).isTrue();
        assertThat(workbench.get("quotas").asBoolean()).isFalse();
        assertThat(get("city.6542", "/api/workbench/screens").getBody().get("quotas").asBoolean()).isTrue();
        assertThat(get("clerk.654224101201", "/api/workbench/screens").getBody().get("cadres").asBoolean()).isFalse();

        ResponseEntity<JsonNode> bad = get(COUNTY, "/api/cadre-access?county=654224101000&prefecture=65");
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().get("errors").get("county").asText()).contains("is not a county code");
    }

    @Test
    void aHouseholdsPairingSaysWhetherTheCallerMayReassignIt() {
        String applicationNo = cases.registered(VILLAGE, Cadres.fresh(assistance, "654224", CadreRank.STAFF));
        JsonNode county = get(COUNTY, "/api/households/" + applicationNo + "/pairing").getBody();
        assertThat(county.get("canReassign").asBoolean()).isTrue();
        assertThat(county.get("villageName").asText()).contains("哈图村");
        assertThat(get(TOWNSHIP, "/api/households/" + applicationNo + "/pairing").getBody().get("canReassign")
                .asBoolean()).isFalse();
    }

    @Test
    void aDepartureWithoutSuccessorWhileHouseholdsRemainNamesTheSuccessorField() {
        long leaving = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        cases.registered(VILLAGE, leaving);
        ResponseEntity<JsonNode> alone = post(COUNTY, "/api/cadres/" + leaving + "/departure",
                Map.of("reason", "调任 / Moved"));
        assertThat(alone.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(alone.getBody().get("errors").get("toCadreId").asText())
                .contains("still responsible for 1 household(s)");
        assertThat(assistance.cadre(leaving).isActive()).isTrue();
    }

    // ---- helpers

    private static int cadreUsers;
    /** Cadre logins made here get a password any password policy accepts; demo officials have "demo". */
    static final String CADRE_PASSWORD = "Tuoli-Ledger-7391";

    /** A cadre login in the group cadre-<county>, made as an administrator makes it (POST /api/officials). */
    private String loginCadre(String county) {
        String user = "cadre." + county + ".t" + (++cadreUsers) + System.nanoTime() % 100000;
        officials.create(user, "测试", "Cadre", null, CADRE_PASSWORD, county + "000000", "cadre");
        return user;
    }

    private static String password(String user) {
        return user.startsWith("cadre.") && user.contains(".t") ? CADRE_PASSWORD : "demo";
    }

    private static java.util.List<Long> ids(JsonNode list) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        list.forEach(node -> ids.add(node.get("id").asLong()));
        return ids;
    }

    private static JsonNode find(JsonNode list, long id) {
        for (JsonNode node : list) {
            if (node.get("id").asLong() == id) {
                return node;
            }
        }
        throw new AssertionError("cadre " + id + " not in " + list);
    }

    private ResponseEntity<JsonNode> get(String user, String url) {
        return rest.withBasicAuth(user, password(user)).exchange(url, HttpMethod.GET, null, JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String user, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, password(user)).exchange(url, HttpMethod.PUT, new HttpEntity<>(body, headers),
                JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, password(user)).exchange(url, HttpMethod.POST, new HttpEntity<>(body, headers),
                JsonNode.class);
    }
}
