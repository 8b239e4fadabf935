package org.precisionaid.web.input;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.precisionaid.assistance.AssistanceService;
import org.precisionaid.assistance.CadreRank;
import org.precisionaid.registry.HouseholdService;
import org.precisionaid.support.Applications;
import org.precisionaid.support.Cadres;
import org.precisionaid.support.Projects;
import org.precisionaid.support.Villages;
import org.springframework.context.ApplicationContext;

/**
 * Every {@code /api} and {@code /public} endpoint that takes input in a body (or, for a POST without one, its query),
 * with the official who may call it and a fresh valid call. The property tests mutate the valid call; the coverage
 * test checks that every such endpoint of the application is listed here.
 */
final class BodyEndpoints {

    enum Kind { JSON, QUERY, MULTIPART, CSV }

    /** A request: concrete path and body (JSON object; for QUERY the parameters; for files: the file's text). */
    record Call(String path, ObjectNode body) {
    }

    /**
     * One endpoint. {@code valid} makes a fresh call that must be accepted ({@code null}: no valid call can be made in
     * the shared context — stated in {@link #WITHOUT_VALID_CALL}); {@code base} the call the hostile property mutates.
     */
    record Endpoint(String method, String pattern, String user, Kind kind, Set<String> codeFields,
                    Function<Fixtures, Call> base, Function<Fixtures, Call> valid) {
        String key() {
            return method + " " + pattern;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    static final String VILLAGE = Applications.VILLAGE;
    static final String CLERK = "clerk." + VILLAGE;
    static final String COUNTY_OFFICE = "county.654224";
    static final String ADMIN = "admin";
    static final String ANYONE = null;

    /** Endpoints whose valid call changes state other tests rely on, or cannot be repeated: why, per endpoint. */
    static final Map<String, String> WITHOUT_VALID_CALL = Map.of(
            "POST /api/assessments", "starts the bulk assessment of a whole county, chunk by chunk on threads of its own: "
                    + "once a county and year, and it would move the row counts under the other properties",
            "POST /api/regions/import", "a file, not a JSON body: random bytes here (garbageFilesAreRefused); "
                    + "valid and broken division lists in RegionImportApiTest",
            "POST /api/households/import", "a workbook, not a JSON body: random bytes here (garbageFilesAreRefused); "
                    + "valid and broken workbooks in HouseholdImportApiTest",
            "POST /api/monitoring/alerts/import", "a workbook, not a JSON body: random bytes here (garbageFilesAreRefused); "
                    + "valid and broken alert lists in MonitoringAlertImportTest",
            "POST /api/crosscheck/snapshots", "a department's list, not a JSON body: random bytes here "
                    + "(garbageFilesAreRefused); valid and broken lists in CrossCheckTest",
            "POST /api/what-if/dmn", "a DMN file, not a JSON body: random bytes here (garbageFilesAreRefused); valid, "
                    + "broken and hostile DMN files in WhatIfApiTest",
            "POST /api/admin/migrations/plan", "a valid plan needs a second version of a model, deployed and removed again "
                    + "by MigrationApiTest; here only hostile plans",
            "POST /api/admin/migrations/batches", "a valid batch moves running cases other tests rely on (MigrationApiTest "
                    + "runs them on its own version); here only hostile batches, which start nothing");

    /**
     * Free-text fields (paths, lists as {@code []}) into which the valid-body property puts generated text. People's
     * names are not free text (Chinese characters or letters joined by ·, their own rule and tests).
     */
    static final Map<String, Set<String>> TEXT_FIELDS = Map.ofEntries(
            Map.entry("POST /api/projects", Set.of("name", "implementingUnit", "outputs[].description",
                    "beneficiaries[].benefit")),
            Map.entry("PUT /api/projects/{projectNo}", Set.of("name", "implementingUnit", "outputs[].description")),
            Map.entry("POST /api/households/{applicationNo}/account/entries", Set.of("note")),
            Map.entry("POST /api/assisting-units", Set.of("name")),
            Map.entry("PUT /api/assisting-units/{id}", Set.of("name")),
            Map.entry("PUT /api/income-targets/{countyCode}/{year}", Set.of("source")),
            Map.entry("PUT /api/region-targets/{countyCode}/{year}", Set.of("source")),
            Map.entry("POST /api/cadres/{id}/visits", Set.of("description")),
            Map.entry("POST /api/households/{applicationNo}/pairing", Set.of("reason")),
            Map.entry("POST /api/cadres/{id}/reassignment", Set.of("reason")),
            Map.entry("POST /api/cadres/{id}/departure", Set.of("reason")),
            Map.entry("PUT /api/villages/{villageCode}/file", Set.of("leadingIndustries")),
            Map.entry("POST /api/villages/{villageCode}/exit", Set.of("statement")),
            Map.entry("POST /public/monitoring-reports", Set.of("whatHappened")),
            Map.entry("POST /api/monitoring/households", Set.of("report")),
            Map.entry("POST /public/objections", Set.of("reason")),
            Map.entry("POST /public/project-objections", Set.of("reason")),
            Map.entry("POST /public/village-exit-objections", Set.of("reason")),
            Map.entry("POST /api/work-teams/{id}/end", Set.of("reason")),
            Map.entry("POST /api/villages/{villageCode}/assisting-units/{unitId}/end", Set.of("reason")),
            Map.entry("POST /api/contact-points", Set.of("post")),
            Map.entry("POST /api/contact-points/{id}/end", Set.of("reason")));

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** The beans the calls are made from, and fixtures made once per context. */
    static final class Fixtures {
        final ApplicationContext context;
        final ObjectMapper json;
        final HouseholdService households;
        final AssistanceService assistance;

        Fixtures(ApplicationContext context) {
            this.context = context;
            this.json = context.getBean(ObjectMapper.class);
            this.households = context.getBean(HouseholdService.class);
            this.assistance = context.getBean(AssistanceService.class);
        }

        ObjectNode node(Object value) {
            return json.valueToTree(value);
        }

        String registered() {
            return Projects.registered(households, assistance, VILLAGE).getApplicationNo();
        }

        long cadre() {
            return Cadres.fresh(assistance, "654224", CadreRank.STAFF);
        }

        org.precisionaid.support.CaseFlows flows() {
            return new org.precisionaid.support.CaseFlows(context.getBean(
                    org.springframework.boot.test.web.client.TestRestTemplate.class),
                    context.getBean(org.camunda.bpm.engine.IdentityService.class),
                    context.getBean(org.camunda.bpm.engine.TaskService.class),
                    context.getBean(org.camunda.bpm.engine.RuntimeService.class),
                    context.getBean(org.camunda.bpm.engine.ManagementService.class),
                    context.getBean(org.precisionaid.procedure.ObjectionService.class));
        }

        /** A household on public notice, where anyone may object (one for all calls: objections do not end it). */
        synchronized String onNotice() {
            if (onNotice == null) {
                onNotice = flows().applyOverRest(VILLAGE, 960_000 + next());
                flows().approveToAnnouncement(VILLAGE, onNotice);
            }
            return onNotice;
        }

        private String onNotice;
        private String disclosed;
        private String exitOnNotice;
        private String monitoringOnNotice;

        /** A household's monitoring case checked and assessed by the village, now on the village notice. */
        synchronized String monitoringOnNotice() {
            if (monitoringOnNotice == null) {
                org.precisionaid.registry.Household household = Projects.registered(households, assistance, VILLAGE);
                String caseNo = org.precisionaid.support.Officials.as(
                        context.getBean(org.camunda.bpm.engine.IdentityService.class), CLERK,
                        () -> context.getBean(org.precisionaid.monitoring.MonitoringStarter.class).open(household.getId(),
                                org.precisionaid.monitoring.MonitoringCase.Channel.CLERK,
                                "户主住院，医疗费用高 / the head is in hospital", CLERK)).monitoringCase().getCaseNo();
                Map<String, Object> check = new java.util.HashMap<>(Map.of("consentSigned", true,
                        "householdIncomeYuan", 5000.0 * households.view(household.getApplicationNo()).members().size(),
                        "medicalExpenseYuan", 0L, "educationExpenseYuan", 0L, "disasterLossYuan", 0L,
                        "incomeCollapse", false, "schoolingSecure", true, "medicalSecure", true, "housingSecure", true,
                        "waterSecure", true));
                check.put("checkFindings", "入户核实 / checked at home");
                flows().complete(CLERK, caseNo, "householdCheck", check);
                flows().complete(CLERK, caseNo, "villageAssessment", Map.of("assessmentAttendees", 21L,
                        "assessmentVotesFor", 15L, "assessmentMinutes", "村民代表会议 / meeting",
                        "assessmentDate", LocalDate.now().toString()));
                monitoringOnNotice = caseNo;
            }
            return monitoringOnNotice;
        }

        /** A village exit the township and county approved, now on public notice (objections do not end it). */
        synchronized String exitOnNotice() {
            if (exitOnNotice == null) {
                Call apply = villageExit(this);
                String village = apply.path().split("/")[3];
                org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
                headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
                var response = context.getBean(org.springframework.boot.test.web.client.TestRestTemplate.class)
                        .withBasicAuth("village." + village, "demo").postForEntity(apply.path(),
                                new org.springframework.http.HttpEntity<>(apply.body().toString(), headers),
                                com.fasterxml.jackson.databind.JsonNode.class);
                if (response.getStatusCode().value() != 201) {
                    throw new AssertionError("exit refused: " + response.getBody());
                }
                String exitNo = response.getBody().get("exitNo").asText();
                flows().complete("township." + village.substring(0, 9), exitNo, "townshipReview",
                        Map.of("townshipDecision", "approve"));
                flows().complete("county." + village.substring(0, 6), exitNo, "countyReview",
                        Map.of("countyDecision", "approve", "countyComment", "入村核查 / checked in the village"));
                exitOnNotice = exitNo;
            }
            return exitOnNotice;
        }

        String applyForProject() {
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
            var response = context.getBean(org.springframework.boot.test.web.client.TestRestTemplate.class)
                    .withBasicAuth(CLERK, "demo").postForEntity("/api/projects", new org.springframework.http.HttpEntity<>(
                            Projects.sheep(VILLAGE, List.of(registered())), headers), com.fasterxml.jackson.databind.JsonNode.class);
            if (response.getStatusCode().value() != 201) {
                throw new AssertionError("project refused: " + response.getBody());
            }
            return response.getBody().get("projectNo").asText();
        }

        /** A project through its four reviews, now publicly disclosed: anyone may object (objections do not end it). */
        synchronized String disclosed() {
            if (disclosed == null) {
                String projectNo = applyForProject();
                org.precisionaid.support.CaseFlows flows = flows();
                flows.complete("township." + VILLAGE.substring(0, 9), projectNo, "townshipReview",
                        Map.of("townshipDecision", "approve"));
                flows.complete(COUNTY_OFFICE, projectNo, "countyReview", Map.of("countyDecision", "approve"));
                flows.complete("agriculture.654224", projectNo, "leadUnitReview", Map.of("leadUnitDecision", "approve"));
                flows.complete(COUNTY_OFFICE, projectNo, "approval", Map.of("approvalDecision", "approve"));
                disclosed = projectNo;
            }
            return disclosed;
        }

        String village() {
            return Villages.fresh(context.getBean(org.precisionaid.region.RegionService.class),
                    context.getBean(org.precisionaid.security.OfficialDirectory.class));
        }

        void saveFile(String village) {
            org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
            headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
            var response = context.getBean(org.springframework.boot.test.web.client.TestRestTemplate.class)
                    .withBasicAuth("clerk." + village, "demo").exchange("/api/villages/" + village + "/file",
                            org.springframework.http.HttpMethod.PUT,
                            new org.springframework.http.HttpEntity<>(Villages.file(400, 52_000), headers), String.class);
            if (!response.getStatusCode().is2xxSuccessful()) {
                throw new AssertionError("village file refused: " + response.getBody());
            }
        }

        int next() {
            return SEQUENCE.incrementAndGet();
        }
    }

    static List<Endpoint> all() {
        return List.of(
                new Endpoint("POST", "/api/projects", CLERK, Kind.JSON,
                        Set.of("regionCode", "beneficiaries[].applicationNo"),
                        f -> new Call("/api/projects", f.node(Projects.sheep(VILLAGE, List.of(f.registered())))),
                        f -> new Call("/api/projects", f.node(Projects.sheep(VILLAGE, List.of(f.registered()))))),
                new Endpoint("POST", "/api/households", CLERK, Kind.JSON, Set.of("regionCode", "members[].idNumber"),
                        f -> new Call("/api/households", f.node(Applications.eligible(VILLAGE, 900_000 + f.next()))),
                        f -> new Call("/api/households", f.node(Applications.eligible(VILLAGE, 900_000 + f.next())))),
                new Endpoint("POST", "/api/households/{applicationNo}/account/entries", CLERK, Kind.JSON, Set.of(),
                        f -> entry(f, f.registered()), f -> entry(f, f.registered())),
                new Endpoint("POST", "/api/assisting-units", COUNTY_OFFICE, Kind.JSON, Set.of("regionCode"),
                        f -> new Call("/api/assisting-units", f.node(Map.of("name", "输入测试单位" + f.next() + " / Input unit",
                                "regionCode", "654224000000"))),
                        f -> new Call("/api/assisting-units", f.node(Map.of("name", "输入测试单位" + f.next() + " / Input unit",
                                "regionCode", "654224000000")))),
                new Endpoint("POST", "/api/cadres/{id}/visits", COUNTY_OFFICE, Kind.JSON, Set.of("applicationNo"),
                        BodyEndpoints::visit, BodyEndpoints::visit),
                new Endpoint("POST", "/public/monitoring-reports", ANYONE, Kind.JSON, Set.of("village"),
                        BodyEndpoints::report, BodyEndpoints::report),
                new Endpoint("POST", "/api/monitoring/households", CLERK, Kind.JSON, Set.of(),
                        BodyEndpoints::neverRegistered, BodyEndpoints::neverRegistered),
                new Endpoint("PUT", "/api/households/{applicationNo}", CLERK, Kind.JSON,
                        Set.of("regionCode", "members[].idNumber"), BodyEndpoints::returned, BodyEndpoints::returned),
                new Endpoint("POST", "/api/households/{applicationNo}/pairing", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::pairing, BodyEndpoints::pairing),
                new Endpoint("POST", "/api/cadres", COUNTY_OFFICE, Kind.JSON, Set.of("countyCode"),
                        BodyEndpoints::cadre, BodyEndpoints::cadre),
                new Endpoint("PUT", "/api/cadres/{id}", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::cadreChange, BodyEndpoints::cadreChange),
                new Endpoint("PUT", "/api/assisting-units/{id}", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::unitRename, BodyEndpoints::unitRename),
                new Endpoint("POST", "/api/cadres/{id}/reassignment", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        f -> move(f, "reassignment"), f -> move(f, "reassignment")),
                new Endpoint("POST", "/api/cadres/{id}/departure", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        f -> move(f, "departure"), f -> move(f, "departure")),
                new Endpoint("PUT", "/api/cadres/{id}/liaison", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::liaison, BodyEndpoints::liaison),
                new Endpoint("PUT", "/api/cadre-quotas/{prefecture}/{rank}", "city.6542", Kind.JSON, Set.of(),
                        BodyEndpoints::quota, BodyEndpoints::quota),
                new Endpoint("PUT", "/api/income-targets/{countyCode}/{year}", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::incomeTarget, BodyEndpoints::incomeTarget),
                new Endpoint("PUT", "/api/region-targets/{countyCode}/{year}", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::regionTargets, BodyEndpoints::regionTargets),
                new Endpoint("PUT", "/api/funds/{county}/{year}/{source}", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::fundAvailability, BodyEndpoints::fundAvailability),
                new Endpoint("POST", "/api/officials", ADMIN, Kind.JSON, Set.of("regionCode"),
                        BodyEndpoints::official, BodyEndpoints::official),
                new Endpoint("PUT", "/api/villages/{villageCode}/file", "clerk.", Kind.JSON, Set.of(),
                        BodyEndpoints::villageFile, BodyEndpoints::villageFile),
                new Endpoint("POST", "/api/villages/{villageCode}/exit", "village.", Kind.JSON, Set.of(),
                        BodyEndpoints::villageExit, BodyEndpoints::villageExit),
                new Endpoint("POST", "/api/work-teams", COUNTY_OFFICE, Kind.JSON, Set.of("villageCode"),
                        BodyEndpoints::workTeam, BodyEndpoints::workTeam),
                new Endpoint("POST", "/api/work-teams/{id}/end", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::endWorkTeam, BodyEndpoints::endWorkTeam),
                new Endpoint("POST", "/api/villages/{villageCode}/assisting-units", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::villageUnit, BodyEndpoints::villageUnit),
                new Endpoint("POST", "/api/villages/{villageCode}/assisting-units/{unitId}/end", COUNTY_OFFICE,
                        Kind.JSON, Set.of(), BodyEndpoints::endVillageUnit, BodyEndpoints::endVillageUnit),
                new Endpoint("POST", "/api/contact-points", COUNTY_OFFICE, Kind.JSON, Set.of("regionCode"),
                        BodyEndpoints::contactPoint, BodyEndpoints::contactPoint),
                new Endpoint("POST", "/api/contact-points/{id}/end", COUNTY_OFFICE, Kind.JSON, Set.of(),
                        BodyEndpoints::endContactPoint, BodyEndpoints::endContactPoint),
                new Endpoint("POST", "/api/assessments", COUNTY_OFFICE, Kind.JSON, Set.of("countyCode"),
                        f -> new Call("/api/assessments", f.json.createObjectNode().put("countyCode", "654224000000")
                                .put("assessmentYear", LocalDate.now().getYear())), null),
                new Endpoint("POST", "/api/assessment/scoring", COUNTY_OFFICE, Kind.QUERY, Set.of("county"),
                        BodyEndpoints::scoring, BodyEndpoints::scoring),
                new Endpoint("POST", "/public/objections", ANYONE, Kind.JSON, Set.of("applicationNo"),
                        BodyEndpoints::householdObjection, BodyEndpoints::householdObjection),
                new Endpoint("POST", "/public/project-objections", ANYONE, Kind.JSON, Set.of("projectNo"),
                        f -> objection("/public/project-objections", "projectNo", f.disclosed()),
                        f -> objection("/public/project-objections", "projectNo", f.disclosed())),
                new Endpoint("POST", "/public/village-exit-objections", ANYONE, Kind.JSON, Set.of("exitNo"),
                        f -> objection("/public/village-exit-objections", "exitNo", f.exitOnNotice()),
                        f -> objection("/public/village-exit-objections", "exitNo", f.exitOnNotice())),
                new Endpoint("POST", "/public/monitoring-objections", ANYONE, Kind.JSON, Set.of("caseNo"),
                        f -> objection("/public/monitoring-objections", "caseNo", f.monitoringOnNotice()),
                        f -> objection("/public/monitoring-objections", "caseNo", f.monitoringOnNotice())),
                new Endpoint("PUT", "/api/projects/{projectNo}", CLERK, Kind.JSON,
                        Set.of("regionCode", "beneficiaries[].applicationNo"),
                        BodyEndpoints::returnedProject, BodyEndpoints::returnedProject),
                new Endpoint("POST", "/api/inspections", COUNTY_OFFICE, Kind.JSON, Set.of("regionCode"),
                        BodyEndpoints::inspection, BodyEndpoints::inspection),
                new Endpoint("POST", "/api/regions/import", ADMIN, Kind.CSV, Set.of(),
                        f -> file("/api/regions/import", "code,name_zh,name_en\n654224101201,阿勒帕萨勒干村,Alepasaleganc Village\n"),
                        null),
                new Endpoint("POST", "/api/households/import", CLERK, Kind.MULTIPART, Set.of(),
                        f -> file("/api/households/import", ""), null),
                new Endpoint("POST", "/api/monitoring/alerts/import", COUNTY_OFFICE, Kind.MULTIPART, Set.of(),
                        f -> file("/api/monitoring/alerts/import", ""), null),
                new Endpoint("POST", "/api/crosscheck/snapshots", COUNTY_OFFICE, Kind.MULTIPART, Set.of(),
                        f -> file("/api/crosscheck/snapshots", ""), null),
                new Endpoint("POST", "/api/what-if", COUNTY_OFFICE, Kind.JSON, Set.of("region"),
                        BodyEndpoints::whatIf, BodyEndpoints::whatIf),
                new Endpoint("POST", "/api/what-if/dmn", COUNTY_OFFICE, Kind.MULTIPART, Set.of(),
                        f -> file("/api/what-if/dmn?rule=IDENTIFICATION&region=" + VILLAGE + "&year=2026", ""), null),
                new Endpoint("POST", "/api/admin/migrations/plan", ADMIN, Kind.JSON, Set.of(),
                        f -> migration(f, "/api/admin/migrations/plan"), null),
                new Endpoint("POST", "/api/admin/migrations/batches", ADMIN, Kind.JSON, Set.of(),
                        f -> migration(f, "/api/admin/migrations/batches"), null));
    }

    /** An inspection round of the village: one household drawn (the minimum), one inspector's task. */
    private static Call inspection(Fixtures f) {
        ObjectNode body = f.json.createObjectNode().put("regionCode", VILLAGE).put("year", LocalDate.now().getYear())
                .put("percent", new java.math.BigDecimal("0.01")).put("minimumPerVillage", 1);
        body.putArray("registers").add("IDENTIFICATION");
        return new Call("/api/inspections", body);
    }

    /** A household never registered, entered by its village's clerk for monitoring. */
    private static Call neverRegistered(Fixtures f) {
        return new Call("/api/monitoring/households", f.node(Map.of("household",
                Applications.eligible(VILLAGE, 920_000 + f.next()), "report", "突发大病 / sudden serious illness")));
    }

    /** A plan from identification's first version, one mapping and a filter: the shape of the migration page's call. */
    private static Call migration(Fixtures f, String path) {
        ObjectNode body = f.json.createObjectNode().put("processKey", "identification").put("sourceVersion", 1);
        body.putArray("mappings").addObject().put("from", "correctApplication").put("to", "correctApplication");
        body.putArray("activityIds").add("groupEvaluation");
        return new Call(path, body);
    }

    private static Call file(String path, String text) {
        return new Call(path, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("file", text));
    }

    private static Call objection(String path, String field, String number) {
        return new Call(path, com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                .put(field, number)
                .put("reason", "该项目的受益户名单有误\n请核实 / the beneficiaries are wrong")
                .put("contact", "13900001111"));
    }

    /** An application the township returned for correction, corrected as the clerk corrects it. */
    private static Call returned(Fixtures f) {
        org.precisionaid.support.CaseFlows flows = f.flows();
        long seed = 950_000 + f.next();
        String applicationNo = flows.applyOverRest(VILLAGE, seed);
        flows.complete(CLERK, applicationNo, "groupEvaluation", Map.of("meetingDate", new java.util.Date(),
                "attendees", 30L, "votesFor", 25L, "groupMinutes", "第二村民小组会议 / group meeting"));
        flows.complete("village." + VILLAGE, applicationNo, "villageReview",
                Map.of("villageDecision", "approve", "villageNoticeDate", new java.util.Date()));
        flows.complete("township." + VILLAGE.substring(0, 9), applicationNo, "townshipReview",
                Map.of("townshipDecision", "return", "townshipComment", "工资性收入漏报 / wages missing"));
        return new Call("/api/households/" + applicationNo, f.node(Applications.eligible(VILLAGE, seed)));
    }

    /** A project the township returned for correction, corrected by its clerk. */
    private static Call returnedProject(Fixtures f) {
        String projectNo = f.applyForProject();
        f.flows().complete("township." + VILLAGE.substring(0, 9), projectNo, "townshipReview",
                Map.of("townshipDecision", "return", "townshipComment", "请核实金额 / check the amounts"));
        return new Call("/api/projects/" + projectNo, f.node(Projects.sheep(VILLAGE, List.of(f.registered()))));
    }

    private static Call householdObjection(Fixtures f) {
        String applicationNo = f.onNotice();
        return objection("/public/objections", "applicationNo", applicationNo);
    }

    private static Call pairing(Fixtures f) {
        return new Call("/api/households/" + f.registered() + "/pairing", f.json.createObjectNode()
                .put("cadreId", f.cadre()).put("reason", "原帮扶干部调离 / the cadre moved"));
    }

    private static Call cadre(Fixtures f) {
        int n = f.next();
        long unit = f.assistance.createUnit("输入测试单位" + n + " / Input unit " + n, "654224000000").getId();
        return new Call("/api/cadres", f.json.createObjectNode()
                .put("name", "输入干部" + n).put("nameLatin", "Input Cadre " + n).put("rank", "STAFF")
                .put("unitId", unit).put("countyCode", "654224000000")
                .put("phone", "1370000" + String.format("%04d", n % 10000)));
    }

    private static Call cadreChange(Fixtures f) {
        int n = f.next();
        long unit = f.assistance.createUnit("输入测试单位" + n + " / Input unit " + n, "654224000000").getId();
        return new Call("/api/cadres/" + f.cadre(), f.json.createObjectNode()
                .put("name", "改名干部" + n).put("nameLatin", "Renamed Cadre " + n).put("rank", "STAFF")
                .put("unitId", unit).put("phone", "1360000" + String.format("%04d", n % 10000)));
    }

    private static Call unitRename(Fixtures f) {
        int n = f.next();
        long unit = f.assistance.createUnit("输入测试单位" + n + " / Input unit " + n, "654224000000").getId();
        return new Call("/api/assisting-units/" + unit, f.json.createObjectNode()
                .put("name", "改名测试单位" + n + " / Renamed unit " + n));
    }

    /** Withdrawing the naming holds for any cadre (naming needs a login, which the fixtures' cadres lack). */
    private static Call liaison(Fixtures f) {
        return new Call("/api/cadres/" + f.cadre() + "/liaison", f.json.createObjectNode().put("liaison", false));
    }

    private static Call move(Fixtures f, String what) {
        return new Call("/api/cadres/" + f.cadre() + "/" + what, f.json.createObjectNode()
                .put("toCadreId", f.cadre()).put("reason", "调离 / moved to another post"));
    }

    /** The prefecture's current quota of a rank, set again (the same figure: other tests count on it). */
    private static Call quota(Fixtures f) {
        org.precisionaid.assistance.AssistanceService.Quota quota = f.assistance.quotas("6542").stream()
                .filter(q -> q.rank().equals("STAFF")).findFirst().orElseThrow();
        return new Call("/api/cadre-quotas/6542/STAFF", f.json.createObjectNode()
                .put("households", quota.households()).put("source", quota.source() == null ? "塔城地委 / Tacheng"
                        : quota.source()));
    }

    /** A what-if over the demo village: the exit rule with three years in a row above the line (writes nothing). */
    private static Call whatIf(Fixtures f) {
        ObjectNode body = f.json.createObjectNode().put("rule", "EXIT").put("region", VILLAGE).put("year", 2026)
                .put("exitYears", 3).put("povertyLineYuan", new java.math.BigDecimal("7600.00"));
        return new Call("/api/what-if", body);
    }

    /** Toli's target of a year no other test sets (IncomeTargetApiTest: this year + 6 and + 7). */
    private static Call incomeTarget(Fixtures f) {
        return new Call("/api/income-targets/654224000000/" + (LocalDate.now().getYear() + 9), f.json.createObjectNode()
                .put("perCapitaNetYuan", new java.math.BigDecimal("7200.00")).put("source", "县政府工作报告 / County report"));
    }

    /** Toli's breakdown of a year no other test reads (RegionTargetApiTest: this year + 8 and + 9). */
    private static Call regionTargets(Fixtures f) {
        ObjectNode body = f.json.createObjectNode().put("source", "县任务分解 / County task plan");
        body.putArray("targets").addObject().put("code", "654224101000").put("exitHouseholds", 3)
                .put("exitPeople", 7).put("perCapitaNetYuan", new java.math.BigDecimal("6500.00"));
        return new Call("/api/region-targets/654224000000/" + (LocalDate.now().getYear() + 10), body);
    }

    /** Toli's social donations of a year no project draws on (FundApiTest: this year + 8). */
    private static Call fundAvailability(Fixtures f) {
        return new Call("/api/funds/654224000000/" + (LocalDate.now().getYear() + 9) + "/DONATION",
                f.json.createObjectNode().put("available", new java.math.BigDecimal("120000.00")));
    }

    private static Call official(Fixtures f) {
        int n = f.next();
        return new Call("/api/officials", f.json.createObjectNode()
                .put("userId", "input.clerk." + n).put("firstName", "输入").put("lastName", "文书" + n)
                .put("email", "input" + n + "@example.org").put("password", "Liang-Shan-Sheep-" + n + "-Kept")
                .put("regionCode", VILLAGE).put("role", "clerk"));
    }

    /** The file of a fresh village of its own (its clerk: clerk.&lt;code&gt;), as read: the version is sent back. */
    private static Call villageFile(Fixtures f) {
        String village = f.village();
        ObjectNode body = f.node(Villages.file(400, 52_000));
        body.remove("version");
        return new Call("/api/villages/" + village + "/file", body);
    }

    /** A fresh village whose file meets every exit condition; its committee applies. */
    private static Call villageExit(Fixtures f) {
        String village = f.village();
        f.saveFile(village);
        return new Call("/api/villages/" + village + "/exit", f.json.createObjectNode()
                .put("exitYear", LocalDate.now().getYear()).put("statement", "全村达到退出标准\n申请退出 / we apply"));
    }

    private static Call scoring(Fixtures f) {
        return new Call("/api/assessment/scoring", f.json.createObjectNode()
                .put("county", "654224000000").put("year", String.valueOf(LocalDate.now().getYear()))
                .put("replace", "true"));
    }

    private static Call entry(Fixtures f, String applicationNo) {
        ObjectNode body = f.json.createObjectNode()
                .put("date", LocalDate.now().withDayOfMonth(1).toString())
                .put("item", "WAGES")
                .put("amountFen", 120_000L)
                .put("note", "县城务工 / work in the county town");
        return new Call("/api/households/" + applicationNo + "/account/entries", body);
    }

    private static Call visit(Fixtures f) {
        String household = f.registered();
        long cadre = responsibleCadre(f, household);
        ObjectNode body = f.json.createObjectNode()
                .put("applicationNo", household)
                .put("date", LocalDate.now().toString())
                .put("measureType", "VISIT")
                .put("description", "入户走访 / home visit")
                .put("amount", new java.math.BigDecimal("0"));
        return new Call("/api/cadres/" + cadre + "/visits", body);
    }

    private static long responsibleCadre(Fixtures f, String applicationNo) {
        return f.context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                "select p.cadre_id from pairing p join household h on h.id = p.household_id "
                        + "where h.application_no = ? and p.ended_at is null", Long.class, applicationNo);
    }

    private static long unit(Fixtures f) {
        int n = f.next();
        return f.assistance.createUnit("驻村输入单位" + n + " / Team input unit " + n, "654224000000").getId();
    }

    /** A team for a fresh village of Toli, with a fresh leader who is also its first secretary and one member. */
    private static Call workTeam(Fixtures f) {
        ObjectNode body = f.json.createObjectNode().put("villageCode", f.village()).put("unitId", unit(f))
                .put("startedOn", LocalDate.now().minusMonths(1).toString())
                .put("plannedEndOn", LocalDate.now().plusYears(1).toString());
        long leader = f.cadre();
        body.put("leaderId", leader).put("firstSecretaryId", leader);
        body.putArray("memberIds").add(f.cadre());
        return new Call("/api/work-teams", body);
    }

    private static org.precisionaid.villageteams.WorkTeams teams(Fixtures f) {
        return f.context.getBean(org.precisionaid.villageteams.WorkTeams.class);
    }

    private static ObjectNode end(Fixtures f) {
        return f.json.createObjectNode().put("endedOn", LocalDate.now().toString())
                .put("reason", "任期届满\n轮换 / term over");
    }

    private static Call endWorkTeam(Fixtures f) {
        long team = teams(f).station(new org.precisionaid.villageteams.WorkTeams.Stationing(f.village(), unit(f),
                LocalDate.now().minusMonths(2), null, f.cadre(), null, List.of()), "input");
        return new Call("/api/work-teams/" + team + "/end", end(f));
    }

    private static Call villageUnit(Fixtures f) {
        return new Call("/api/villages/" + f.village() + "/assisting-units", f.json.createObjectNode()
                .put("unitId", unit(f)).put("startedOn", LocalDate.now().minusMonths(1).toString()));
    }

    private static Call endVillageUnit(Fixtures f) {
        String village = f.village();
        long unit = unit(f);
        teams(f).pairUnit(village, unit, LocalDate.now().minusMonths(2), "input");
        return new Call("/api/villages/" + village + "/assisting-units/" + unit + "/end", end(f));
    }

    private static Call contactPoint(Fixtures f) {
        return new Call("/api/contact-points", f.json.createObjectNode().put("leaderName", "陈立新")
                .put("post", "托里县副县长 / Deputy county head").put("regionCode", f.village())
                .put("startedOn", LocalDate.now().minusMonths(1).toString()));
    }

    private static Call endContactPoint(Fixtures f) {
        long id = teams(f).addContactPoint(new org.precisionaid.villageteams.WorkTeams.NewContactPoint("陈立新",
                "托里县副县长 / Deputy county head", null, f.village(), LocalDate.now().minusMonths(2)), "input");
        return new Call("/api/contact-points/" + id + "/end", end(f));
    }

    private static Call report(Fixtures f) {
        int n = f.next();
        ObjectNode body = f.json.createObjectNode()
                .put("village", VILLAGE)
                .put("name", "马建华" + n)
                .put("phone", "1390000" + String.format("%04d", n % 10000))
                .put("whatHappened", "家人重病住院，医疗费用很高\n请帮助 / serious illness in the family")
                .put("consent", true);
        return new Call("/public/monitoring-reports", body);
    }
}
