package org.precisionaid.web.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the generated OpenAPI document cannot read from the code: per endpoint a one-line summary, who may call it
 * (the roles, as the controller and its service check them) and the problem-detail errors it answers besides 401.
 * Keyed by HTTP method and path as the document names them. {@code OpenApiContractTest} fails for an endpoint of ours
 * that has no row here, so a new endpoint cannot go out undocumented.
 */
final class ApiContract {

    /** One endpoint: its tag (group), summary, who may call it, the errors it answers and an optional longer text. */
    record Entry(String tag, String summary, String who, Set<Integer> errors, String description) {
    }

    static final String ANYONE = "anyone, without login";
    static final String OFFICIAL = "any logged-in official";
    static final String OFFICIALS_OF_REGION = "officials of the region (a region outside the caller's answers 403 or, "
            + "for a single record, 404 as if it did not exist)";
    static final String ADMIN = "administrators (group camunda-admin)";
    static final String CLERK = "the clerk of the village (group clerk-<village code>)";
    static final String COUNTY_OFFICE = "the county poverty-alleviation office of the county (group county-<county code>)";
    static final String AUDITORS = "auditors of the region (group auditor-<code>); read only";

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        // regions and officials
        add("GET /api/regions", "Regions", "Divisions: the tree, a subtree (root) or the children of parent", OFFICIAL,
                Set.of(400, 404), "`parent=<code>` lists the direct children flat; `root=<code>` the subtree; nothing: the whole tree.");
        add("GET /api/regions/{code}", "Regions", "One division by its 12-digit code", OFFICIAL, Set.of(400, 404), null);
        add("GET /api/regions/{code}/groups/{role}", "Regions", "The Camunda group that carries a role in a region",
                OFFICIAL, Set.of(400, 404), "e.g. `/api/regions/654224101000/groups/township` → `township-654224101`.");
        add("POST /api/regions/import", "Regions", "Import a division list (CSV code,name_zh,name_en), all or nothing", ADMIN,
                Set.of(400, 403), "Body `text/csv` or multipart part `file`. Every broken rule is listed with its line; "
                        + "nothing is imported then. Answers `{created, unchanged}`.");
        add("POST /api/officials", "Officials", "Add an official to the group of his region and role", ADMIN,
                Set.of(400, 403, 404, 409), "The password policy applies (12+ characters, not the user id, not common). "
                        + "409 when the user id exists.");
        // households
        add("POST /api/households", "Households", "Apply for a household; its identification case starts at once", CLERK,
                Set.of(400, 403, 409), "JSON like the start form, up to 20 members. 400 names each field and rule (ID "
                        + "number check digit, sums, types); 403 for another village; nothing is written on an error.");
        add("GET /api/households/{applicationNo}", "Households", "One household with members, decisions and file card",
                OFFICIALS_OF_REGION, Set.of(404), "ID numbers and phone in full only for the county office, auditors of the "
                        + "region and the village's clerk; masked for others (ADR 0019).");
        add("PUT /api/households/{applicationNo}", "Households", "Correct an application while it is RETURNED for correction",
                CLERK, Set.of(400, 403, 404, 409), "409 when the application is not returned for correction.");
        add("GET /api/households", "Households", "Search households within the caller's region", OFFICIAL, Set.of(400, 403),
                "`region`, `status`, `idNumber`, `page`, `size` (1-200). A wider region is narrowed to the caller's own.");
        add("GET /api/households/export", "Households", "The households of a region as Excel (贫困户名单)",
                OFFICIALS_OF_REGION, Set.of(400, 403), "Masking as for a single household.");
        add("GET /api/households/import-template", "Households", "The Excel template for importing households", CLERK,
                Set.of(403), null);
        add("POST /api/households/import", "Households", "Import households from the filled-in template, all or nothing",
                CLERK, Set.of(400, 403), "Multipart part `file` (.xlsx, 5 MB at most). Every error with sheet, row, column "
                        + "and rule; a zip bomb or an oversized sheet is refused before it is read.");
        add("GET /api/households/{applicationNo}/card.pdf", "Households",
                "The household's assistance card (明白卡) as an A4 PDF", OFFICIALS_OF_REGION + "; the household's cadre",
                Set.of(404, 409, 503), "409 before the household is registered; 503 with Retry-After when the print slots are taken.");
        add("GET /api/households/{applicationNo}/pairing", "Assistance", "The household's cadre, pairing history and visits",
                OFFICIALS_OF_REGION + "; the household's cadre", Set.of(404), null);
        add("POST /api/households/{applicationNo}/pairing", "Assistance", "Reassign the household to another cadre",
                COUNTY_OFFICE, Set.of(400, 403, 404, 409), "Body `{cadreId, reason}`; the cadre's quota applies.");
        add("GET /api/households/{applicationNo}/account", "Assessment", "The household's income and expenditure account of a year",
                OFFICIALS_OF_REGION + "; the household's cadre", Set.of(400, 404), "`year` (default: this year), totals and "
                        + "the computed per-capita net income.");
        add("POST /api/households/{applicationNo}/account/entries", "Assessment", "Record a line in the income account",
                CLERK + "; the household's cadre", Set.of(400, 403, 404, 409),
                "Body `{date, item, amountFen, note}`. 409 once the year's account is confirmed or the household not registered.");
        // assistance
        add("GET /api/cadre-quotas", "Assistance", "Households per cadre rank in a prefecture", OFFICIAL, Set.of(400),
                "`prefecture` (4 digits; `0000` is the default row).");
        add("PUT /api/cadre-quotas/{prefecture}/{rank}", "Assistance", "Set the quota of a cadre rank",
                "the city poverty-alleviation office of the prefecture; " + ADMIN, Set.of(400, 403), null);
        add("GET /api/assisting-units", "Assistance", "Assisting units of a region", OFFICIAL, Set.of(400, 403),
                "A province or prefecture asked is narrowed to the caller's counties; a region apart from his is 403.");
        add("POST /api/assisting-units", "Assistance", "Add an assisting unit", COUNTY_OFFICE + " (or the city office)",
                Set.of(400, 403, 404, 409), "409 when a unit of that name exists in the region.");
        add("GET /api/cadres", "Assistance", "Cadres of a county with households paired, quota and quota left",
                "officials of the county", Set.of(400, 403), "Phones only for the county office. Search: `q` (in the "
                        + "name, Latin name or unit's name), `rank`, `unitId`; `includeLeft`, `page`, `size` (1-200).");
        add("PUT /api/cadres/{id}", "Assistance", "Correct a cadre: name, Latin name, rank, unit, phone",
                COUNTY_OFFICE + " (or the city office)", Set.of(400, 403, 404, 409),
                "Body `{name, nameLatin, rank, unitId, phone}`; county and login stay. 409 (`rank`) when a lower rank's "
                        + "quota would not hold the households he answers for.");
        add("PUT /api/assisting-units/{id}", "Assistance", "Rename an assisting unit",
                COUNTY_OFFICE + " of the unit's county (a unit above the county: the city office)",
                Set.of(400, 403, 404, 409), "Body `{name}`; 409 when another unit of that name exists in the region.");
        add("GET /api/cadre-access", "Assistance", "What the cadres, quotas and pairing screens offer the caller",
                OFFICIAL, Set.of(400), "`county` (12 digits): whether he manages its cadres (`manage`); `prefecture` "
                        + "(4 digits): whether he sets its quotas (`setQuotas`); and which of the screens are his.");
        add("GET /api/cadres/{id}", "Assistance", "A cadre with his households and ledger",
                "officials of his county; the cadre himself", Set.of(403, 404), null);
        add("POST /api/cadres", "Assistance", "Add a cadre", COUNTY_OFFICE, Set.of(400, 403, 404, 409),
                "Body `{name, nameLatin, rank, unitId, countyCode, phone, userId}`.");
        add("POST /api/cadres/{id}/visits", "Assistance", "Record a visit in the cadre's ledger",
                "the cadre himself; " + COUNTY_OFFICE, Set.of(400, 403, 404, 409),
                "Body `{applicationNo, date, measureType, description, amount}`.");
        add("POST /api/cadres/{id}/reassignment", "Assistance", "Move all of a cadre's households to another cadre",
                COUNTY_OFFICE, Set.of(400, 403, 404, 409), "Body `{toCadreId, reason}`: all or none (quota).");
        add("POST /api/cadres/{id}/departure", "Assistance", "A cadre leaves: his households move, he is marked as gone",
                COUNTY_OFFICE, Set.of(400, 403, 404, 409), "Body `{toCadreId, reason}`; toCadreId required if he has households.");
        add("PUT /api/cadres/{id}/liaison", "Assistance", "Name the cadre his unit's liaison for inspection findings, "
                + "or withdraw it", COUNTY_OFFICE + " (or the city office)", Set.of(400, 403, 404),
                "Body `{liaison}` (true or false); naming needs a serving cadre with a login (400 naming `liaison`). "
                        + "A finding against his unit is then rectified by its liaisons instead of the township (ADR 0030).");
        // audit
        add("GET /api/audit/cases", "Audit", "Search running and finished cases of the region", AUDITORS, Set.of(400),
                "`q`, `status`, `level`, `state` (running, finished), `from`, `to`, `region`, `page`, `size`.");
        add("GET /api/audit/cases/{businessKey}", "Audit", "One case's trail: every step, actor and value", AUDITORS,
                Set.of(404), "A case outside the auditor's region answers 404.");
        add("GET /api/audit/cases/{businessKey}/diagram", "Audit", "The BPMN diagram of the case's process version",
                AUDITORS, Set.of(404), null);
        add("GET /api/audit/cases/{businessKey}/export.xlsx", "Audit", "The case's trail as Excel", AUDITORS, Set.of(404), null);
        // projects and funds
        add("POST /api/projects", "Projects", "Apply for a project; its funding case starts at once",
                "the applicant: " + CLERK + ", the township or the county office of the project's region",
                Set.of(400, 403, 409), "400 names each field: budget lines that do not sum to the total, more than the "
                        + "county's available funds, an unregistered beneficiary, a micro-credit loan above 50,000 yuan, a period longer "
                        + "than the type allows (DMN longestPeriod), an unknown property; the project number is given "
                        + "only to an accepted application.");
        add("GET /api/projects/{projectNo}", "Projects", "A project with budget, ledger, beneficiaries and decisions",
                OFFICIALS_OF_REGION + " (county bureaus: the county)", Set.of(404), "Beneficiaries' ID numbers masked.");
        add("PUT /api/projects/{projectNo}", "Projects", "Correct a project while it is RETURNED for correction",
                "the applicant", Set.of(400, 403, 404, 409), null);
        add("GET /api/projects", "Projects", "Search projects within the caller's region", OFFICIAL, Set.of(400, 403),
                "`region`, `status`, `type`, `page`, `size`.");
        add("GET /api/funds", "Projects", "A county's funds per source: available, committed, remaining",
                "officials of the county", Set.of(400, 403), "`county` (a county code), `year`.");
        add("PUT /api/funds/{county}/{year}/{source}", "Projects", "Set what a county may commit from a source in a year",
                "the county finance bureau or poverty-alleviation office (group finance-<county> or county-<county>)",
                Set.of(400, 403), "Body `{available}` in yuan (two decimals, not negative); never below what approved "
                + "projects already committed (400 naming `available`). Answers the county's funds of the year.");
        add("GET /api/income-targets", "Reports", "A county's per-capita net income target of a year",
                "officials of the county, above it or within it", Set.of(400, 403), "`county` (a county code), `year` "
                + "(default this year). `perCapitaNetYuan` null: none set, the poverty line applies; `canEdit`: the "
                + "caller may set it.");
        add("PUT /api/income-targets/{countyCode}/{year}", "Reports", "Set a county's per-capita net income target",
                COUNTY_OFFICE + "; " + ADMIN, Set.of(400, 403), "Body `{perCapitaNetYuan, source}`: yuan > 0 with at "
                + "most 2 decimals and 6 digits before the point; `source` who set it (256 characters).");
        add("GET /api/region-targets", "Reports", "A county's poverty-reduction tasks and income targets broken down to"
                + " its townships and villages", "officials of the county, above it or within it", Set.of(400, 403),
                "`county`, `year` (default this year). One row per region (the county, each township, its villages) with "
                + "`exitHouseholds`, `exitPeople`, `perCapitaNetYuan` (null: none set) and the file cards' planned exits.");
        add("PUT /api/region-targets/{countyCode}/{year}", "Reports", "Replace a county's breakdown of the year",
                COUNTY_OFFICE + "; " + ADMIN, Set.of(400, 403), "Body `{source, targets: [{code, exitHouseholds, "
                + "exitPeople, perCapitaNetYuan}]}`: regions of that county, each once; counts 0–1,000,000, people at "
                + "least the households; the townships' tasks together at most the county's, a township's villages' at "
                + "most the township's; an income target for townships and villages only (the county's: income-targets).");
        // what-if on the rules (#23 item 4)
        add("POST /api/what-if", "What-if", "Today's rule beside a changed one over a region's registry, changing nothing",
                COUNTY_OFFICE + "; the city office above it (group city-<code>); " + AUDITORS, Set.of(400, 403),
                "Body `{rule: IDENTIFICATION|EXIT|MONITORING, region, year, povertyLineYuan?, negativeListOff?: [row ids], "
                + "exitYears?, monitoringLineYuan?}` (the monitoring line only with MONITORING); `?format=xlsx` answers "
                + "the Excel file. Counts by outcome (today, changed), by village and "
                + "class of change, and the changed households (ID numbers masked; at most 2,000 in JSON, all in Excel).");
        add("POST /api/what-if/dmn", "What-if", "As POST /api/what-if with an uploaded DMN file in place of the deployed one",
                COUNTY_OFFICE + "; the city office above it; " + AUDITORS, Set.of(400, 403),
                "Multipart part `file` (.dmn, 256 KB at most; never deployed), parameters `rule`, `region`, `year`, "
                + "`format`. Refused by `file` with its line: no DOCTYPE, FEEL only (no JUEL, no script), the rule's "
                + "decision with the outputs its procedure reads.");
        // return-to-poverty monitoring
        add("POST /api/monitoring/households", "Monitoring",
                "Enter a household that was never registered as a monitoring subject; its case starts at once", CLERK,
                Set.of(400, 403, 409), "Body `{household: <as POST /api/households>, report}`: the household is "
                        + "checked exactly as an application (status MONITORED, not an application); 201 with the "
                        + "case number and the household's number.");
        add("GET /api/monitoring/alerts/import-template", "Monitoring",
                "The Excel template for a department's alert list (bilingual headers, drop-down of the kinds)",
                COUNTY_OFFICE, Set.of(403), null);
        add("POST /api/monitoring/alerts/import", "Monitoring",
                "Import a department's alert list: matching households of the county start monitoring cases",
                COUNTY_OFFICE, Set.of(400, 403, 409), "Multipart part `file` (.xlsx, 5 MB at most), `department` "
                        + "(MEDICAL_INSURANCE, CIVIL_AFFAIRS, EMERGENCY_MANAGEMENT, HUMAN_RESOURCES, PUBLIC_SECURITY), "
                        + "`county` (12 digits, when the caller is the office of several). A malformed row (ID number, "
                        + "kind, negative amount, future date) answers 400 with every row, column and rule and starts "
                        + "nothing; otherwise 200 with the rows started, already open (alert attached to the open case), "
                        + "unmatched (nobody of a registered, exited or monitored household of the county; never says "
                        + "whether the person lives elsewhere) and duplicate. Cases start in chunks of one transaction each.");
        // inspection rounds (issue #24)
        add("POST /api/inspections", "Inspection", "Plan an inspection round: the server draws its sample with a new "
                + "seed and the inspectors' tasks start", "the county or city poverty-alleviation office or the auditors "
                + "of the region (county-, city- or auditor-<code>)", Set.of(400, 403), "Body `{regionCode, year, "
                + "registers: [IDENTIFICATION|EXITS|MONITORING|PROJECTS], percent, minimumPerVillage, "
                + "minimumProjectsPerTownship}`: per village max(ceil(percent·n/100), minimum), at most n; the year's "
                + "funded projects per township likewise (minimumProjectsPerTownship, default 1 with PROJECTS); 500 "
                + "households and projects a round at most; 201 with the round number, the seed (as text), the "
                + "population, the project population and the cases drawn per village or township.");
        add("GET /api/inspections", "Inspection", "The inspection rounds of a region",
                "the planners and the inspectors (inspector-<county>) of the region; never the inspected township or "
                + "village", Set.of(400, 403), "`region` (optional).");
        add("GET /api/inspections/{roundNo}", "Inspection", "A round with its sample and its findings",
                "the planners and the inspectors of the region (an inspector of part of a wider round: his county's part)",
                Set.of(403, 404), "Households and projects by number only: no name, ID number or phone.");
        add("GET /api/inspections/{roundNo}/redraw", "Inspection", "Draw the round's sample again with its recorded seed "
                + "and compare", "the planners of the round's whole region, e.g. its auditors", Set.of(403, 404),
                "`matches` true when today's registry gives the same households and projects in the same order.");
        // department registers and the cross-check (issue #23)
        add("GET /api/crosscheck/kinds", "Cross-check", "The kinds of department list, their categories and amounts",
                COUNTY_OFFICE + "; " + AUDITORS + "; " + ADMIN, Set.of(403), null);
        add("POST /api/crosscheck/snapshots", "Cross-check",
                "Load a department's list as the county's dated snapshot of its kind; matched at once",
                COUNTY_OFFICE + "; " + ADMIN + " (naming `county`)", Set.of(400, 403),
                "Multipart part `file` (.xlsx with sheet `名单 Records`, or UTF-8 CSV; 20 MB, 200,000 rows at most), `kind` "
                        + "(VEHICLE, BUSINESS, REAL_ESTATE, PUBLIC_EMPLOYEE, PENSION, SOCIAL_ASSISTANCE, DEATH), "
                        + "`department` (who keeps the list, 100 characters), `asOf` (yyyy-MM-dd, not in the future, "
                        + "at most five years back), `county` (12 digits, for an administrator or an office of several). "
                        + "A bad row (ID number and its check character, category of the kind, amount, detail) answers "
                        + "400 with every row, column and rule (`errors`, the first 1,000; `errorCount`) and stores "
                        + "nothing. Otherwise 201: the snapshot replaces the county's older one of the kind for matching, "
                        + "the county's applicants and registered or monitored households are matched, and those on the "
                        + "register with new hits get a re-check case (process crossCheck). No ID number in the answer.");
        add("GET /api/crosscheck/snapshots", "Cross-check", "The snapshots of the caller's counties, newest first (no rows)",
                COUNTY_OFFICE + "; " + AUDITORS + "; " + ADMIN, Set.of(403), null);
        add("GET /api/crosscheck/hits", "Cross-check", "A household's hits with their resolutions (the audit view)",
                COUNTY_OFFICE + "; " + AUDITORS + "; " + ADMIN, Set.of(400, 403, 404),
                "`household`: the application number. ID numbers in full (county office and auditors, ADR 0019).");
        // reports
        add("GET /api/reports", "Reports", "The reports and the regions the caller may read", OFFICIAL, Set.of(), null);
        add("GET /api/reports/{name}", "Reports", "A report as JSON (or Excel, PDF with format=)", OFFICIALS_OF_REGION,
                Set.of(400, 403, 404, 503), "`name`: distribution, income-targets, reduction-tasks, projects-map, "
                        + "incidence-map, guide, monitoring; `region`, `year`, `format` (json, xlsx, pdf), `page` and `size` for the guide.");
        add("GET /api/reports/{name}.pdf", "Reports", "A report as an A4-landscape PDF", OFFICIALS_OF_REGION,
                Set.of(400, 403, 404, 503), "503 with Retry-After when the print slots are taken.");
        add("GET /api/reports/{name}.xlsx", "Reports", "A report as Excel", OFFICIALS_OF_REGION, Set.of(400, 403, 404), null);
        add("GET /api/workbench", "Reports", "An official's home: his region at a glance for a year",
                OFFICIALS_OF_REGION, Set.of(400, 403), "`region`, `year`. Households by status, the caller's open and "
                        + "overdue tasks per procedure, open objections, the year's funds, exits against the plan, "
                        + "monitoring cases; each with the page behind it.");
        // assessment, villages, scoring
        add("POST /api/assessments", "Assessment", "Start the year's assessment of a county in bulk (202)", COUNTY_OFFICE,
                Set.of(400, 403, 409), "Body `{countyCode, assessmentYear}`. 409 when the year's assessment was started already.");
        add("GET /api/assessments/{countyCode}/{year}", "Assessment", "Progress and outcomes of a county's assessment",
                "officials of the county", Set.of(400, 403, 404), null);
        add("GET /api/assessments/{countyCode}/{year}/households", "Assessment", "Findings per household of an assessment",
                "officials of the county", Set.of(400, 403, 404), "`outcome`, `page`, `size` (1-200).");
        add("GET /api/villages", "Villages", "Villages of a region with file and exit conditions", OFFICIALS_OF_REGION,
                Set.of(400, 403, 404), "`region` (required).");
        add("GET /api/villages/{villageCode}/file", "Villages", "The village file (村档) and the exit conditions now",
                OFFICIALS_OF_REGION, Set.of(400, 403, 404), null);
        add("PUT /api/villages/{villageCode}/file", "Villages", "Save the village file",
                "the clerk or the committee of the village", Set.of(400, 403, 404, 409),
                "Send the `version` read; 409 when the file was changed meanwhile.");
        add("POST /api/villages/{villageCode}/exit", "Villages", "Apply for the village's exit; the case starts at once",
                "the village committee (group village-<village code>)", Set.of(400, 403, 404, 409),
                "409 while an exit application of the village is open.");
        add("GET /api/village-exits/{exitNo}", "Villages", "A village exit application with its decisions",
                OFFICIALS_OF_REGION, Set.of(404), null);
        // village assistance structure (work teams, units paired with villages, leaders' contact points)
        add("GET /api/work-teams", "Village teams", "Work teams (驻村工作队) of a region with leader, first secretary and "
                + "members", OFFICIALS_OF_REGION, Set.of(400, 403), "`region` (default: the caller's own; a wider region "
                + "is narrowed to the caller's), `includeEnded`, `page`, `size` (1-200). `canEdit`: the caller may station "
                + "teams there.");
        add("GET /api/work-teams/{id}", "Village teams", "One work team", OFFICIALS_OF_REGION, Set.of(400, 404), null);
        add("POST /api/work-teams", "Village teams", "Station a work team in a village", COUNTY_OFFICE
                + " of the village's county (or the city office above it)", Set.of(400, 403, 404, 409),
                "Body `{villageCode, unitId, startedOn, plannedEndOn, leaderId, firstSecretaryId, memberIds}`: cadres "
                + "of the village's county; 409 naming the field when a cadre serves in another team in that period or "
                + "the village has a stationed team (ADR 0024).");
        add("POST /api/work-teams/{id}/end", "Village teams", "End a team's stationing (kept in the history)",
                COUNTY_OFFICE + " of the village's county", Set.of(400, 403, 404, 409),
                "Body `{endedOn, reason}`: between the start and today; 409 when it ended already.");
        add("GET /api/villages/{villageCode}/team", "Village teams", "A village's team, first secretary, paired units "
                + "with the households their cadres answer for there, contact points, and every team it had",
                OFFICIALS_OF_REGION, Set.of(400, 403, 404), null);
        add("POST /api/villages/{villageCode}/assisting-units", "Village teams", "Pair an assisting unit with the "
                + "village", COUNTY_OFFICE + " of the village's county", Set.of(400, 403, 404, 409),
                "Body `{unitId, startedOn}`; 409 when the unit is paired with the village already.");
        add("POST /api/villages/{villageCode}/assisting-units/{unitId}/end", "Village teams", "End a unit's pairing "
                + "with the village (kept in the history)", COUNTY_OFFICE + " of the village's county",
                Set.of(400, 403, 404), "Body `{endedOn, reason}`.");
        add("GET /api/contact-points", "Village teams", "Leaders' contact points (领导联系点) of a region",
                OFFICIALS_OF_REGION, Set.of(400, 403), "`region`, `includeEnded`.");
        add("POST /api/contact-points", "Village teams", "A leader takes a county or a village as his contact point",
                COUNTY_OFFICE + " (or the city office above it)", Set.of(400, 403, 409),
                "Body `{leaderName, post, userId, regionCode, startedOn}`: a county (a prefecture leader) or a village "
                + "(a county leader); `userId` optional, an existing login.");
        add("POST /api/contact-points/{id}/end", "Village teams", "End a contact point (kept in the history)",
                COUNTY_OFFICE + " of its county", Set.of(400, 403, 404, 409), "Body `{endedOn, reason}`.");
        add("POST /api/assessment/scoring", "Assessment", "The year-end rating of a county's cadres and units",
                COUNTY_OFFICE, Set.of(400, 403, 404, 409), "`county`, `year`; once a year, `replace=true` scores again (else 409).");
        add("GET /api/assessment/scoring", "Assessment", "The year-end ratings of a region",
                "officials of the county or above", Set.of(400, 403, 404), "`region` (county or above), `year`.");
        add("GET /api/assessment/scoring.xlsx", "Assessment", "The year-end ratings of a region as Excel",
                "officials of the county or above", Set.of(400, 403, 404), "`region` (county or above), `year`. A sheet "
                        + "of cadres and one of units: every figure behind a rating, the rating by points and the cap applied.");
        add("GET /api/workbench/screens", "Reports", "Which year screens the caller uses and where he acts on them",
                OFFICIAL, Set.of(), "Village files, the year's assessment, scoring, cadres, pairing and quotas; the counties whose office he is and "
                        + "the villages whose file he keeps. The screens hide what he has no use for; every write is "
                        + "checked again by its endpoint.");
        add("GET /api/session-token", "Reports", "The webapps' CSRF token of the caller's session, for the report "
                + "pages' writes", OFFICIAL + " with a Camunda webapp session", Set.of(404), "404 without a Camunda "
                + "webapp session (over HTTP Basic no token is needed).");
        // operations: migration of running cases (ADR 0020)
        add("GET /api/admin/migrations/session-token", "Operations", "The webapps' CSRF token of the caller's session, "
                + "for the migration page's writes", ADMIN, Set.of(403, 404), "404 without a Camunda webapp session "
                + "(over HTTP Basic no token is needed).");
        add("GET /api/admin/migrations/processes", "Operations", "Processes with running cases: per version and per "
                + "activity where they wait", ADMIN, Set.of(403), "Counts of running cases, failed jobs and incidents; "
                + "every deployed version number, to choose a target.");
        add("POST /api/admin/migrations/plan", "Operations", "Build and validate a migration plan; nothing changes",
                ADMIN, Set.of(400, 403), "Body `{processKey, sourceVersion, targetVersion (default: latest), "
                        + "mappings: [{from, to}], activityIds, businessKeys}`. The engine maps equal activities and "
                        + "updates event triggers; `mappings` add renamed or moved ones. Answers the plan per instruction "
                        + "with the engine's failures (`valid` false when it refuses the plan), the activities where "
                        + "cases wait and nothing maps, and how many cases the filter selects.");
        add("POST /api/admin/migrations/batches", "Operations", "Migrate the selected cases as a batch (202)", ADMIN,
                Set.of(400, 403), "The same body as the plan. 400 with the engine's reason per instruction when it "
                        + "refuses the plan, or when no case matches; nothing is started then. One job per case.");
        add("GET /api/admin/migrations/batches", "Operations", "Migration batches: running ones, then the last finished",
                ADMIN, Set.of(403), null);
        add("GET /api/admin/migrations/batches/{batchId}", "Operations", "A migration batch's progress and the cases "
                + "it could not move, with the reason", ADMIN, Set.of(400, 403, 404), "A case that cannot move stays "
                + "as it was; its job keeps the engine's reason (retries left 0: an incident).");
        // public pages' data
        add("GET /public/regions", "Public", "Division names for the public pages' pickers: counties, or a county's "
                + "townships, or a township's villages", ANYONE, Set.of(400, 404), "`parent` (optional; a county or "
                + "township code). Code, level and names only.");
        add("GET /public/notices", "Public", "The village's public notice: households on notice (masked IDs)", ANYONE,
                Set.of(400, 404), "`village` (12-digit village code).");
        add("GET /public/notices.pdf", "Public", "The village's public notice as an A4 PDF", ANYONE,
                Set.of(400, 404, 429, 503), "429 with Retry-After beyond the public PDFs per address; 503 when the public print slots are taken.");
        add("POST /public/objections", "Public", "Object to a household on notice", ANYONE, Set.of(400, 409, 429),
                "Body `{applicationNo, reason, contact}`. An unknown number and one not on notice get the same 409.");
        add("GET /public/projects", "Public", "The project disclosure of a county, township or village", ANYONE,
                Set.of(400, 404), "`region`. No ID numbers or phones.");
        add("GET /public/projects.pdf", "Public", "The project disclosure as an A4 PDF", ANYONE, Set.of(400, 404, 429, 503), null);
        add("POST /public/project-objections", "Public", "Object to a disclosed project", ANYONE, Set.of(400, 409, 429),
                "Body `{projectNo, reason, contact}`.");
        add("GET /public/village-exits", "Public", "Villages whose exit is on notice (aggregates only)", ANYONE,
                Set.of(400, 404), "`region`.");
        add("POST /public/village-exit-objections", "Public", "Object to a village's exit on notice", ANYONE,
                Set.of(400, 409, 429), "Body `{exitNo, reason, contact}`.");
        add("POST /public/monitoring-reports", "Public", "A household reports its risk of falling (back) into poverty",
                ANYONE, Set.of(400, 404, 429), "Body `{village, name, phone, kind, whatHappened, consent}` (`kind` optional: "
                        + "ILLNESS, ACCIDENT, DISASTER, JOB_LOSS, INCOME_DROP, SCHOOLING, HOUSING, OTHER). Becomes a task for "
                        + "the village clerk; answers `{reportNo, village, message}`; the phone is never shown back.");
        add("GET /public/monitoring-notices", "Public", "The village's monitoring notice: cases entering monitoring or "
                + "leaving it (risk eliminated)", ANYONE, Set.of(400, 404), "`village`. No ID number, phone, bank account "
                + "or health condition.");
        add("POST /public/monitoring-objections", "Public", "Object to a monitoring case on notice", ANYONE,
                Set.of(400, 409, 429), "Body `{caseNo, reason, contact}`.");
    }

    private ApiContract() {
    }

    private static void add(String key, String tag, String summary, String who, Set<Integer> errors, String description) {
        if (ENTRIES.put(key, new Entry(tag, summary, who, errors, description)) != null) {
            throw new IllegalStateException("twice in the API contract: " + key);
        }
    }

    /** The row for {@code GET /api/regions/{code}}, or null. */
    static Entry find(String method, String path) {
        return ENTRIES.get(method.toUpperCase(java.util.Locale.ROOT) + " " + path);
    }

    static boolean isPublic(String path) {
        return path.startsWith("/public/");
    }
}
