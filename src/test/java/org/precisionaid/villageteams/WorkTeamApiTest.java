package org.precisionaid.villageteams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.region.RegionService;
import org.precisionaid.registry.Household;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.security.OfficialDirectory;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Printed;
import org.precisionaid.support.Villages;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The county office stations a work team in a village, ends its stationing, pairs units and records leaders' contact
 * points; the village's township reads them, others are refused; a cadre serves in one team at a time; bad input is
 * named by field with nothing written; the household's card, its JSON, the village file and the guide name the team.
 */
@IntegrationTest
class WorkTeamApiTest {

    static final String OFFICE = "county.654224";
    static final String TOWNSHIP = "township.654224101";

    @Autowired TestRestTemplate rest;
    @Autowired AssistanceService assistance;
    @Autowired HouseholdService households;
    @Autowired RegionService regions;
    @Autowired OfficialDirectory officials;
    @Autowired JdbcTemplate jdbc;

    final LocalDate today = LocalDate.now(ZoneId.systemDefault());

    @Test
    void theCountyOfficeStationsATeamItsTownshipReadsItAndOthersAreRefused() {
        String village = Villages.fresh(regions, officials);
        long unit = unit();
        long leader = cadre();
        long secretary = cadre();
        long member = cadre();

        ResponseEntity<JsonNode> created = post(OFFICE, "/api/work-teams", team(village, unit, leader, secretary,
                "[" + member + "]", today.minusMonths(3)));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        JsonNode team = created.getBody();
        assertThat(team.get("leader").get("cadreId").asLong()).isEqualTo(leader);
        assertThat(team.get("firstSecretary").get("cadreId").asLong()).isEqualTo(secretary);
        assertThat(team.get("members")).hasSize(3);
        assertThat(team.get("name").asText()).contains("驻测试村").contains("工作队");
        assertThat(team.get("createdBy").asText()).isEqualTo(OFFICE);

        JsonNode read = get(TOWNSHIP, "/api/villages/" + village + "/team").getBody();
        assertThat(read.at("/today/team/id").asLong()).isEqualTo(team.get("id").asLong());
        assertThat(read.at("/today/team/firstSecretary/name").asText()).isNotBlank();
        assertThat(read.get("canEdit").asBoolean()).isFalse();
        assertThat(get(OFFICE, "/api/villages/" + village + "/team").getBody().get("canEdit").asBoolean()).isTrue();
        assertThat(ids(get(TOWNSHIP, "/api/work-teams?region=654224000000").getBody().get("teams")))
                .as("a township asking for its county gets its own villages' teams").contains(team.get("id").asLong());

        ResponseEntity<JsonNode> otherTownship = get("township.654224100", "/api/villages/" + village + "/team");
        assertThat(otherTownship.getStatusCode().value()).isEqualTo(403);
        assertThat(otherTownship.getBody().at("/errors/villageCode").asText()).contains("outside your region");
        assertThat(get("county.654225", "/api/work-teams?region=654224000000").getBody().at("/errors/region").asText())
                .contains("outside your region");
        assertThat(get("county.654225", "/api/work-teams/" + team.get("id").asLong()).getStatusCode().value())
                .as("another county's team is unknown to it").isEqualTo(404);

        String other = Villages.fresh(regions, officials);
        ResponseEntity<JsonNode> byTownship = post(TOWNSHIP, "/api/work-teams", team(other, unit, cadre(), null, "[]",
                today));
        assertThat(byTownship.getStatusCode().value()).isEqualTo(403);
        assertThat(byTownship.getBody().at("/errors/villageCode").asText()).contains("county poverty-alleviation office");
        assertThat(post("county.654225", "/api/work-teams", team(other, unit, cadre(), null, "[]", today))
                .getStatusCode().value()).isEqualTo(403);
        assertThat(post(TOWNSHIP, "/api/work-teams/" + team.get("id").asLong() + "/end",
                "{\"endedOn\": \"" + today + "\", \"reason\": \"轮换 / rotation\"}").getStatusCode().value())
                .isEqualTo(403);
        assertThat(teamsIn(other)).as("nothing stationed by the refused calls").isZero();
    }

    @Test
    void aCadreServesInOneTeamAtATimeAndTheEndedStationingStaysInTheHistory() {
        String first = Villages.fresh(regions, officials);
        String second = Villages.fresh(regions, officials);
        long unit = unit();
        long shared = cadre();
        long firstTeam = post(OFFICE, "/api/work-teams", team(first, unit, cadre(), shared, "[]",
                today.minusMonths(6))).getBody().get("id").asLong();

        ResponseEntity<JsonNode> twice = post(OFFICE, "/api/work-teams", team(second, unit, cadre(), null,
                "[" + shared + "]", today.minusMonths(1)));
        assertThat(twice.getStatusCode().value()).isEqualTo(409);
        assertThat(twice.getBody().at("/errors/memberIds[0]").asText()).contains("one team at a time")
                .contains("team " + firstTeam);
        assertThat(teamsIn(second)).isZero();

        ResponseEntity<JsonNode> sameVillage = post(OFFICE, "/api/work-teams", team(first, unit, cadre(), null, "[]",
                today));
        assertThat(sameVillage.getStatusCode().value()).isEqualTo(409);
        assertThat(sameVillage.getBody().at("/errors/villageCode").asText()).contains("end its stationing first");

        ResponseEntity<JsonNode> ended = post(OFFICE, "/api/work-teams/" + firstTeam + "/end",
                "{\"endedOn\": \"" + today.minusDays(10) + "\", \"reason\": \"任期届满轮换 / term over\"}");
        assertThat(ended.getStatusCode().value()).as(String.valueOf(ended.getBody())).isEqualTo(200);
        assertThat(ended.getBody().get("endedOn").asText()).isEqualTo(today.minusDays(10).toString());
        assertThat(post(OFFICE, "/api/work-teams/" + firstTeam + "/end", "{\"endedOn\": \"" + today
                + "\", \"reason\": \"again\"}").getStatusCode().value()).as("ended once").isEqualTo(409);

        ResponseEntity<JsonNode> overlapping = post(OFFICE, "/api/work-teams", team(second, unit, cadre(), null,
                "[" + shared + "]", today.minusDays(20)));
        assertThat(overlapping.getStatusCode().value()).as("he still served there 20 days ago").isEqualTo(409);
        ResponseEntity<JsonNode> after = post(OFFICE, "/api/work-teams", team(second, unit, cadre(), shared, "[]",
                today.minusDays(10)));
        assertThat(after.getStatusCode().value()).as(String.valueOf(after.getBody())).isEqualTo(201);

        JsonNode history = get(OFFICE, "/api/villages/" + first + "/team").getBody();
        assertThat(history.get("today").hasNonNull("team")).as("no team stationed now").isFalse();
        assertThat(history.get("teams")).hasSize(1);
        assertThat(history.at("/teams/0/endReason").asText()).isEqualTo("任期届满轮换 / term over");
        assertThat(history.at("/teams/0/firstSecretary/cadreId").asLong()).isEqualTo(shared);
        assertThat(ids(get(OFFICE, "/api/work-teams?region=" + first + "&includeEnded=true").getBody().get("teams")))
                .containsExactly(firstTeam);
        assertThat(ids(get(OFFICE, "/api/work-teams?region=" + first).getBody().get("teams"))).isEmpty();
    }

    @Test
    void badInputIsRefusedByFieldAndNothingIsWritten() {
        String village = Villages.fresh(regions, officials);
        long unit = unit();
        long cadre = cadre();
        long yumin = Cadres.fresh(assistance, "654225", CadreRank.STAFF);
        long yuminUnit = assistance.createUnit("裕民测试单位" + System.nanoTime(), "654225000000").getId();

        assertBad(team(village, unit, null, null, "[]", today), 400, "leaderId", "required");
        assertBad(team(village, 987654321L, cadre, null, "[]", today), 400, "unitId", "no assisting unit");
        assertBad(team(village, yuminUnit, cadre, null, "[]", today), 400, "unitId", "neither in");
        assertBad(team(village, unit, cadre, null, "[]", today.minusYears(6)), 400, "startedOn", "between");
        assertBad(team(village, unit, yumin, null, "[]", today), 400, "leaderId", "not 托里县");
        assertBad(team(village, unit, cadre, null, "[" + cadre() + ", 987654321]", today), 400, "memberIds[1]",
                "no cadre");
        assertBad(team(village, unit, cadre, null, "[null]", today), 400, "memberIds[0]", "");
        assertBad(team(village.substring(0, 9) + "000", unit, cadre, null, "[]", today), 400, "villageCode",
                "not a village code");
        assertBad("{\"villageCode\": \"" + village + "\", \"unitId\": " + unit + ", \"startedOn\": \"" + today
                + "\", \"leaderId\": " + cadre + ", \"createdBy\": \"someone\"}", 400, "createdBy", "not a field");
        assertBad("{\"villageCode\": \"" + village + "\", \"unitId\": \"one\", \"startedOn\": \"" + today
                + "\", \"leaderId\": " + cadre + "}", 400, "unitId", "");
        assertThat(teamsIn(village)).isZero();

        long team = post(OFFICE, "/api/work-teams", team(village, unit, cadre, null, "[]", today.minusDays(5)))
                .getBody().get("id").asLong();
        ResponseEntity<JsonNode> early = post(OFFICE, "/api/work-teams/" + team + "/end",
                "{\"endedOn\": \"" + today.minusDays(6) + "\", \"reason\": \"x\"}");
        assertThat(early.getStatusCode().value()).isEqualTo(400);
        assertThat(early.getBody().at("/errors/endedOn").asText()).contains("between the start");
        ResponseEntity<JsonNode> noReason = post(OFFICE, "/api/work-teams/" + team + "/end",
                "{\"endedOn\": \"" + today + "\", \"reason\": \" \"}");
        assertThat(noReason.getBody().at("/errors/reason").asText()).contains("required");
        assertThat(get(OFFICE, "/api/work-teams/" + team).getBody().hasNonNull("endedOn")).as("still stationed").isFalse();
    }

    @Test
    void theCardTheHouseholdsJsonTheVillageFileAndTheGuideNameTheTeamAndTheUnits() throws Exception {
        String village = Villages.fresh(regions, officials);
        long unit = unit();
        long cadre = Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        long leader = cadre();
        long secretary = cadre();
        Household household = Villages.paired(households, assistance, village, today.getYear() + 1, cadre);
        long cadresUnit = assistance.cadre(cadre).getUnit().getId();
        post(OFFICE, "/api/work-teams", team(village, unit, leader, secretary, "[]", today.minusMonths(2)));
        ResponseEntity<JsonNode> paired = post(OFFICE, "/api/villages/" + village + "/assisting-units",
                "{\"unitId\": " + cadresUnit + ", \"startedOn\": \"" + today.minusMonths(2) + "\"}");
        assertThat(paired.getStatusCode().value()).as(String.valueOf(paired.getBody())).isEqualTo(201);
        assertThat(paired.getBody().at("/today/units/0/householdsPaired").asLong())
                .as("the household's cadre belongs to the paired unit").isEqualTo(1);
        assertThat(paired.getBody().at("/today/householdsOutsideUnits").asLong()).isZero();
        String secretaryName = assistance.cadre(secretary).getName();
        String unitName = assistance.cadre(cadre).getUnit().getName();

        JsonNode card = get("clerk." + village, "/api/households/" + household.getApplicationNo()).getBody()
                .get("fileCard").get("village");
        assertThat(card.get("workTeam").asText()).contains("工作队");
        assertThat(card.get("firstSecretary").asText()).startsWith(secretaryName);
        assertThat(card.get("assistingUnits").get(0).asText()).isEqualTo(unitName);

        ResponseEntity<byte[]> pdf = rest.withBasicAuth("clerk." + village, "demo")
                .getForEntity("/api/households/" + household.getApplicationNo() + "/card.pdf", byte[].class);
        assertThat(pdf.getStatusCode().value()).isEqualTo(200);
        String text = Printed.text(pdf.getBody()).replaceAll("\\s+", "");
        assertThat(text).contains("第一书记").contains(secretaryName).contains("驻村工作队")
                .contains(unitName.replaceAll("\\s+", ""));
        Printed.save("assistance-card-with-work-team", pdf.getBody());

        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        assertThat(rest.withBasicAuth("clerk." + village, "demo").exchange("/api/villages/" + village + "/file",
                HttpMethod.PUT, new HttpEntity<>(Villages.file(400, 52_000), headers), JsonNode.class)
                .getStatusCode().is2xxSuccessful()).isTrue();
        JsonNode file = get(TOWNSHIP, "/api/villages/" + village + "/file").getBody();
        assertThat(file.at("/assistance/team/firstSecretary/cadreId").asLong()).isEqualTo(secretary);
        assertThat(file.at("/assistance/units/0/unit").asText()).isEqualTo(unitName);
        assertThat(file.get("population").asInt()).as("the file's own fields unchanged").isEqualTo(420);

        JsonNode guide = get(OFFICE, "/api/reports/guide?region=" + village + "&year=" + today.getYear()).getBody();
        JsonNode row = StreamSupport.stream(guide.at("/tables/0/rows").spliterator(), false)
                .filter(r -> r.get("applicationNo").asText().equals(household.getApplicationNo())).findFirst()
                .orElseThrow();
        assertThat(row.get("workTeam").asText()).contains("工作队").contains("队长");
        assertThat(row.get("firstSecretary").asText()).isEqualTo(secretaryName);
    }

    @Test
    void theCountyOfficeRecordsLeadersContactPointsAndTheVillageShowsThem() {
        String village = Villages.fresh(regions, officials);
        ResponseEntity<JsonNode> created = post(OFFICE, "/api/contact-points", "{\"leaderName\": \"陈立新\","
                + " \"post\": \"托里县副县长 / Deputy county head\", \"regionCode\": \"" + village + "\","
                + " \"startedOn\": \"" + today.minusMonths(1) + "\"}");
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        long id = created.getBody().get("id").asLong();
        assertThat(created.getBody().get("level").asText()).isEqualTo("VILLAGE");

        JsonNode structure = get(TOWNSHIP, "/api/villages/" + village + "/team").getBody().get("today");
        List<String> leaders = StreamSupport.stream(structure.get("contactPoints").spliterator(), false)
                .map(c -> c.get("leaderName").asText()).toList();
        assertThat(leaders).contains("陈立新").as("the demo prefecture leader of Toli county").contains("王建军");
        assertThat(ids(get(TOWNSHIP, "/api/contact-points?region=" + village).getBody().get("contactPoints")))
                .contains(id);

        ResponseEntity<JsonNode> township = post(OFFICE, "/api/contact-points", "{\"leaderName\": \"陈立新\","
                + " \"post\": \"副县长\", \"regionCode\": \"654224101000\", \"startedOn\": \"" + today + "\"}");
        assertThat(township.getBody().at("/errors/regionCode").asText()).contains("a county");
        ResponseEntity<JsonNode> badName = post(OFFICE, "/api/contact-points", "{\"leaderName\": \"<b>\","
                + " \"post\": \"副县长\", \"regionCode\": \"" + village + "\", \"startedOn\": \"" + today + "\"}");
        assertThat(badName.getBody().at("/errors/leaderName").asText()).contains("a person's name");
        ResponseEntity<JsonNode> foreign = post("county.654225", "/api/contact-points", "{\"leaderName\": \"周海燕\","
                + " \"post\": \"副书记\", \"regionCode\": \"" + village + "\", \"startedOn\": \"" + today + "\"}");
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().at("/errors/regionCode").asText()).contains("county poverty-alleviation office");

        ResponseEntity<JsonNode> ended = post(OFFICE, "/api/contact-points/" + id + "/end",
                "{\"endedOn\": \"" + today + "\", \"reason\": \"工作调整 / new post\"}");
        assertThat(ended.getStatusCode().value()).isEqualTo(200);
        assertThat(ids(get(TOWNSHIP, "/api/contact-points?region=" + village).getBody().get("contactPoints")))
                .doesNotContain(id);
        assertThat(ids(get(TOWNSHIP, "/api/contact-points?region=" + village + "&includeEnded=true").getBody()
                .get("contactPoints"))).as("kept in the history").contains(id);
    }

    // ---- helpers ----

    private String team(String village, long unit, Long leader, Long secretary, String members, LocalDate start) {
        return "{\"villageCode\": \"" + village + "\", \"unitId\": " + unit + ", \"startedOn\": \"" + start + "\","
                + " \"plannedEndOn\": \"" + start.plusYears(2) + "\", \"leaderId\": " + leader
                + ", \"firstSecretaryId\": " + secretary + ", \"memberIds\": " + members + "}";
    }

    private void assertBad(String body, int status, String field, String rule) {
        ResponseEntity<JsonNode> answer = post(OFFICE, "/api/work-teams", body);
        assertThat(answer.getStatusCode().value()).as(body + " → " + answer.getBody()).isEqualTo(status);
        assertThat(answer.getBody().at("/errors/" + field.replace("/", "~1")).isMissingNode())
                .as(body + " names " + field + ": " + answer.getBody()).isFalse();
        assertThat(answer.getBody().at("/errors/" + field).asText()).as(body).contains(rule);
    }

    private long teamsIn(String village) {
        return jdbc.queryForObject("select count(*) from work_team where village_code = ?", Long.class, village);
    }

    private long unit() {
        return assistance.createUnit("驻村测试单位" + System.nanoTime() + " / Team test unit", "654224000000").getId();
    }

    private long cadre() {
        return Cadres.fresh(assistance, "654224", CadreRank.STAFF);
    }

    private static List<Long> ids(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(n -> n.get("id").asLong()).toList();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        return rest.withBasicAuth(user, "demo").getForEntity(path, JsonNode.class);
    }

    private ResponseEntity<JsonNode> post(String user, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, "demo").postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
