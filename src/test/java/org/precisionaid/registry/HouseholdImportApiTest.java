package org.precisionaid.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.precisionaid.registry.ApplicationForm.MemberForm;
import org.precisionaid.support.Applications;
import org.precisionaid.support.IntegrationTest;
import org.precisionaid.support.Officials;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedMultiValueMap;

/** A village clerk applies for many households at once from the Excel template; a file with any error imports nothing. */
@IntegrationTest
class HouseholdImportApiTest {

    static final String VILLAGE = "654224200201";        // 拜亭奇村, 多拉特乡, 托里县: no other test uses it
    static final String OTHER_VILLAGE = "654224200202";  // 居玛拜村, the same township
    static final String CLERK = "clerk." + VILLAGE;

    @Autowired TestRestTemplate rest;
    @Autowired HouseholdRepository households;
    @Autowired HouseholdImport importer;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired IdentityService identity;
    @Autowired PlatformTransactionManager transactions;

    // ---- the template ----------------------------------------------------------------------------------------

    @Test
    void theTemplateHasBilingualHeadersDropDownsOfTheCodesAndAnExampleHousehold() throws IOException {
        ResponseEntity<byte[]> response = rest.withBasicAuth(CLERK, "demo")
                .getForEntity("/api/households/import-template", byte[].class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType().toString()).contains("spreadsheetml");
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()))) {
            assertThat(book.getSheetName(0)).isEqualTo("说明 Instructions");
            Sheet households = book.getSheet("户 Households");
            Sheet members = book.getSheet("成员 Members");
            assertThat(households.getRow(0).getCell(0).getStringCellValue()).isEqualTo("户编号 / Household key");
            assertThat(households.getRow(0).getCell(10).getStringCellValue()).isEqualTo("住房安全 / Housing safety");
            assertThat(members.getRow(0).getCell(2).getStringCellValue()).isEqualTo("身份证号 / ID number");
            // the example is the clerk's own village, with labels as the drop-downs offer them
            assertThat(households.getRow(1).getCell(1).getStringCellValue()).isEqualTo(VILLAGE);
            assertThat(households.getRow(1).getCell(0).getStringCellValue()).startsWith("示例");
            assertThat(members.getRow(1).getCell(3).getStringCellValue()).isEqualTo("户主 / Head");
            assertThat(book.isSheetHidden(book.getSheetIndex("代码 Codes"))).isTrue();
            List<String> lists = new ArrayList<>();
            for (DataValidation validation : members.getDataValidations()) {
                lists.add(validation.getRegions().getCellRangeAddress(0).formatAsString() + " "
                        + validation.getValidationConstraint().getFormula1());
            }
            // relation, sex, health, education, labour capacity
            assertThat(lists).hasSize(5).anySatisfy(v -> assertThat(v).startsWith("D2:D").contains("'代码 Codes'!$A$2:$A$10"));
            assertThat(households.getDataValidations()).hasSize(8); // housing, water, two causes, four yes/no
            Sheet codes = book.getSheet("代码 Codes");
            assertThat(codes.getRow(1).getCell(0).getStringCellValue()).isEqualTo("户主 / Head");
        }
    }

    // ---- a good file -----------------------------------------------------------------------------------------

    @Test
    void aSmallFileCreatesOneApplicationPerHouseholdAndStartsEachCase() throws IOException {
        Workbook book = template();
        ApplicationForm first = Applications.eligible(VILLAGE, 13000);
        ApplicationForm second = Applications.eligible(VILLAGE, 13001);
        ApplicationForm third = Applications.eligible(VILLAGE, 13002);
        addHousehold(book, "1", first, Style.LABEL);
        addHousehold(book, "2", second, Style.CODE);
        addHousehold(book, "3", third, Style.CHINESE);
        long casesBefore = cases();

        ResponseEntity<JsonNode> response = upload(CLERK, bytes(book));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getBody().get("households").asInt()).isEqualTo(3);
        assertThat(response.getBody().get("members").asInt()).isEqualTo(12);
        assertThat(cases()).isEqualTo(casesBefore + 3);
        for (JsonNode number : response.getBody().get("applicationNos")) {
            Household household = households.findByApplicationNo(number.asText()).orElseThrow();
            assertThat(household.getVillageCode()).isEqualTo(VILLAGE);
            assertThat(household.getStatus()).isEqualTo(Codes.Status.APPLIED);
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(number.asText()).count()).isOne();
            assertThat(tasks.createTaskQuery().processInstanceBusinessKey(number.asText())
                    .taskDefinitionKey("groupEvaluation").taskCandidateGroup("clerk-" + VILLAGE).count()).isOne();
        }
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Household imported = households.findByApplicationNo(
                    response.getBody().get("applicationNos").get(0).asText()).orElseThrow();
            assertThat(imported.getMembers()).extracting(Member::getIdNumber)
                    .containsExactlyElementsOf(first.members().stream().map(MemberForm::idNumber).toList());
            assertThat(imported.getMembers().get(0).getRelation()).isEqualTo(Codes.Relation.HEAD);
            assertThat(imported.getHousingSafety()).isEqualTo(Codes.HousingSafety.UNSAFE_C);
            assertThat(imported.getCauses()).isEqualTo("ILLNESS,LACK_OF_FUNDS");
        });
    }

    // ---- bad files: every error named, nothing written --------------------------------------------------------

    @Test
    void everyErrorIsNamedBySheetRowColumnAndRuleAndNothingIsImported() throws IOException {
        Workbook book = template();
        ApplicationForm good = Applications.eligible(VILLAGE, 13010);
        ApplicationForm bad = Applications.eligible(VILLAGE, 13011);
        addHousehold(book, "1", good, Style.LABEL);                 // households row 3, members rows 5-8
        addHousehold(book, "2", bad, Style.LABEL);                  // households row 4, members rows 9-12
        Sheet households = book.getSheet("户 Households");
        Sheet members = book.getSheet("成员 Members");
        households.getRow(3).getCell(2).setBlank();                              // C4 村民小组: missing
        households.getRow(3).getCell(10).setCellValue("很危险");                  // K4 住房安全: wrong code
        households.getRow(3).getCell(5).setCellValue("五千");                     // F4 工资: not a number
        String badChecksum = bad.members().get(1).idNumber().substring(0, 17)
                + (bad.members().get(1).idNumber().endsWith("0") ? "1" : "0");
        members.getRow(9).getCell(2).setCellValue(badChecksum);                 // C10: bad check character
        members.getRow(10).getCell(2).setCellValue(good.members().get(2).idNumber()); // C11: same as C7
        members.getRow(11).getCell(5).setCellValue("很好");                       // F12 健康状况: wrong code
        Codes.Sex headSex = ResidentId.parse(bad.members().get(0).idNumber(), java.time.LocalDate.now()).id()
                .orElseThrow().sex();
        members.getRow(8).createCell(4).setCellValue(                             // E9 性别: not what the ID says
                (headSex == Codes.Sex.MALE ? Codes.Sex.FEMALE : Codes.Sex.MALE).label());
        long casesBefore = cases();

        ResponseEntity<JsonNode> response = upload(CLERK, bytes(book));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(MediaType.APPLICATION_PROBLEM_JSON.isCompatibleWith(response.getHeaders().getContentType())).isTrue();
        assertThat(response.getBody().get("title").asText()).contains("nothing imported");
        List<String> cells = new ArrayList<>();
        response.getBody().get("errors").forEach(e -> cells.add(e.get("sheet").asText() + "!" + e.get("column").asText()
                + e.get("row").asInt() + " " + e.get("header").asText() + ": " + e.get("rule").asText()));
        assertThat(cells).hasSize(7);
        assertThat(cells.get(0)).startsWith("户 Households!C4 村民小组 / Village group: ").contains("required");
        assertThat(cells.get(1)).startsWith("户 Households!F4 工资性收入（元） / Wages (yuan): ").contains("amount");
        assertThat(cells.get(2)).startsWith("户 Households!K4 住房安全 / Housing safety: ").contains("'很危险'")
                .contains("allowed values");
        assertThat(cells.get(3)).startsWith("成员 Members!E9 性别 / Sex: ").contains("does not match");
        assertThat(cells.get(4)).startsWith("成员 Members!C10 身份证号 / ID number: ").contains("check");
        assertThat(cells.get(5)).startsWith("成员 Members!C11 身份证号 / ID number: ").contains("row 7");
        assertThat(cells.get(6)).startsWith("成员 Members!F12 健康状况 / Health: ").contains("'很好'");
        // nothing of the file was written, not even the good household, and no case started
        assertThat(cases()).isEqualTo(casesBefore);
        assertNotInRegistry(good, bad);
    }

    @Test
    void aHouseholdOfAnotherVillageIsRefusedWithItsCellAndNothingIsImported() throws IOException {
        Workbook book = template();
        ApplicationForm own = Applications.eligible(VILLAGE, 13020);
        ApplicationForm other = Applications.eligible(OTHER_VILLAGE, 13021);
        addHousehold(book, "1", own, Style.LABEL);
        addHousehold(book, "2", other, Style.LABEL);

        ResponseEntity<JsonNode> response = upload(CLERK, bytes(book));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode error = response.getBody().get("errors").get(0);
        assertThat(error.get("sheet").asText()).isEqualTo("户 Households");
        assertThat(error.get("row").asInt()).isEqualTo(4);
        assertThat(error.get("column").asText()).isEqualTo("B");
        assertThat(error.get("rule").asText()).contains(OTHER_VILLAGE);
        assertNotInRegistry(own, other);
    }

    @Test
    void onlyAVillageClerkMayImport() throws IOException {
        Workbook book = template();
        ApplicationForm form = Applications.eligible(VILLAGE, 13030);
        addHousehold(book, "1", form, Style.LABEL);
        byte[] file = bytes(book);
        ResponseEntity<JsonNode> township = upload("township.654224200", file);
        assertThat(township.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(township.getBody().get("errors").get("file").asText()).contains("village clerk");
        assertThat(upload("county.654224", file).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertNotInRegistry(form);
    }

    @Test
    void aFileThatIsNotAnXlsxWorkbookIsRefused() {
        ResponseEntity<JsonNode> text = upload(CLERK, "户编号,村代码\n1,654224200201\n".getBytes());
        assertThat(text.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(text.getBody().get("errors").get(0).get("rule").asText()).contains("not an .xlsx workbook");
        ResponseEntity<JsonNode> oldExcel = upload(CLERK, new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0});
        assertThat(oldExcel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aWorkbookWithoutTheSheetsOrWithOtherHeadersIsRefused() throws IOException {
        Workbook book = new XSSFWorkbook();
        book.createSheet("Sheet1").createRow(0).createCell(0).setCellValue("姓名");
        ResponseEntity<JsonNode> response = upload(CLERK, bytes(book));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").toString()).contains("户 Households").contains("成员 Members");

        Workbook renamed = template();
        renamed.getSheet("成员 Members").getRow(0).getCell(2).setCellValue("证件号");
        ResponseEntity<JsonNode> header = upload(CLERK, bytes(renamed));
        assertThat(header.getBody().get("errors").get(0).get("column").asText()).isEqualTo("C");
        assertThat(header.getBody().get("errors").get(0).get("rule").asText()).contains("身份证号 / ID number");
    }

    @Test
    void aPersonAlreadyInAnActiveApplicationIsRefused() throws IOException {
        ApplicationForm earlier = Applications.eligible(VILLAGE, 13040);
        Workbook first = template();
        addHousehold(first, "1", earlier, Style.CODE);
        assertThat(upload(CLERK, bytes(first)).getStatusCode()).isEqualTo(HttpStatus.CREATED);

        ApplicationForm again = Applications.eligible(VILLAGE, 13041);
        List<MemberForm> members = new ArrayList<>(again.members());
        members.set(3, earlier.members().get(3));
        Workbook second = template();
        addHousehold(second, "1", withMembers(again, members), Style.CODE);
        ResponseEntity<JsonNode> response = upload(CLERK, bytes(second));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        JsonNode error = response.getBody().get("errors").get(0);
        // the template's example takes members rows 2-4, this household rows 5-8: the fourth member is row 8
        assertThat(error.get("column").asText() + error.get("row").asInt()).isEqualTo("C8");
        assertThat(error.get("rule").asText()).contains("already a member of application")
                .doesNotContain(earlier.members().get(3).idNumber());
        assertNotInRegistry(withMembers(again, again.members().subList(0, 3)));
    }

    @Test
    void tooManyRowsAreRefusedWithTheLimit() throws IOException {
        Workbook book = template();
        Sheet members = book.getSheet("成员 Members");
        for (int r = 4; r <= HouseholdImport.MAX_ROWS + 5; r++) {
            members.createRow(r).createCell(0).setCellValue("x");
        }
        ResponseEntity<JsonNode> response = upload(CLERK, bytes(book));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").get(0).get("rule").asText()).contains(String.valueOf(HouseholdImport.MAX_ROWS));
    }

    /** Applications and cases are written in one transaction with the engine: when it rolls back, both are gone. */
    @Test
    void startedCasesRollBackWithTheApplications() throws IOException {
        Workbook book = template();
        ApplicationForm form = Applications.eligible(VILLAGE, 13050);
        addHousehold(book, "1", form, Style.CODE);
        byte[] file = bytes(book);
        long casesBefore = cases();
        List<String> numbers = new ArrayList<>();
        Officials.as(identity, CLERK, () -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
            numbers.addAll(importer.importXlsx(file, CLERK, village -> village.equals(VILLAGE)).applicationNos());
            identity.clearAuthentication(); // the query below reads as the test, not as the clerk
            assertThat(households.findByApplicationNo(numbers.get(0))).isPresent();
            assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(numbers.get(0)).count()).isOne();
            status.setRollbackOnly();
        }));
        assertThat(numbers).hasSize(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(numbers.get(0)).count()).isZero();
        assertThat(households.findByApplicationNo(numbers.get(0))).isEmpty();
        assertThat(cases()).isEqualTo(casesBefore);
        assertNotInRegistry(form);
    }

    @Test
    void aWorkbookThatInflatesNearly100To1IsRefusedBeforeItIsReadAndNothingIsImported() throws IOException {
        Workbook book = template();
        ApplicationForm form = Applications.eligible(VILLAGE, 13060);
        addHousehold(book, "1", form, Style.CODE);
        // the workbook plus one more part that inflates from about 0.4 MB to 40 MB: Apache POI's default (1:100)
        // lets it through, and reads every part of an uploaded workbook into memory
        byte[] bomb = withPart(bytes(book), "xl/worksheets/sheet9.xml", 40_000_000, 500);
        double ratio = largestInflateRatio(bomb);
        assertThat(ratio).as("inflate ratio of the added part").isBetween(80.0, 99.0);
        long casesBefore = cases();

        ResponseEntity<JsonNode> response = upload(CLERK, bomb);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.getBody().get("type").asText()).endsWith("/upload-refused");
        assertThat(response.getBody().get("errors").get("file").asText()).contains("xl/worksheets/sheet9.xml")
                .contains("inflates more than 50:1").contains("max-inflate-ratio");
        assertThat(cases()).isEqualTo(casesBefore);
        assertNotInRegistry(form);
    }

    /** The workbook with one more zip entry of {@code size} bytes: 5 random letters, then {@code run} bytes of markup. */
    static byte[] withPart(byte[] xlsx, String name, int size, int run) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx));
             java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
            java.util.zip.ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                zip.putNextEntry(new java.util.zip.ZipEntry(entry.getName()));
                in.transferTo(zip);
                zip.closeEntry();
            }
            zip.putNextEntry(new java.util.zip.ZipEntry(name));
            java.util.Random random = new java.util.Random(7);
            byte[] markup = "<c/>".repeat(run / 4).getBytes();
            for (int written = 0; written < size; written += 5 + markup.length) {
                zip.write('<');
                for (int i = 0; i < 4; i++) {
                    zip.write('a' + random.nextInt(26));
                }
                zip.write(markup);
            }
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    static double largestInflateRatio(byte[] zipBytes) throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("bomb", ".xlsx");
        try {
            java.nio.file.Files.write(file, zipBytes);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                return zip.stream().mapToDouble(e -> e.getSize() / (double) Math.max(1, e.getCompressedSize()))
                        .max().orElse(0);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
    }

    @Test
    void anOversizedFileIsRefusedWhole() {
        assertThatThrownBy(() -> importer.importXlsx(new byte[HouseholdImport.MAX_BYTES + 1], CLERK, v -> true))
                .isInstanceOfSatisfying(HouseholdImportException.class,
                        e -> assertThat(e.errors().get(0).rule()).contains(String.valueOf(HouseholdImport.MAX_BYTES)));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    enum Style { CODE, LABEL, CHINESE }

    private Workbook template() throws IOException {
        byte[] bytes = rest.withBasicAuth(CLERK, "demo").getForObject("/api/households/import-template", byte[].class);
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** Appends the household and its members below what the sheets hold (the template's example stays: skipped). */
    static void addHousehold(Workbook book, String key, ApplicationForm form, Style style) {
        Sheet households = book.getSheet("户 Households");
        Row row = households.createRow(households.getLastRowNum() + 1);
        Object[] values = {key, form.regionCode(), form.villageGroup(), form.phone(), form.incomeYear(), form.wages(),
                form.operatingNet(), form.propertyIncome(), form.transferIncome(), form.expenditure(),
                code(Codes.HousingSafety.valueOf(form.housingSafety()), style),
                code(Codes.DrinkingWater.valueOf(form.drinkingWater()), style),
                code(Codes.Cause.valueOf(form.causes().get(0)), style),
                form.causes().size() > 1 ? code(Codes.Cause.valueOf(form.causes().get(1)), style) : null,
                form.ownsCar() ? "是 / Yes" : "否 / No", "否", "no", null};
        write(row, values);
        Sheet members = book.getSheet("成员 Members");
        for (MemberForm member : form.members()) {
            Row m = members.createRow(members.getLastRowNum() + 1);
            write(m, new Object[] {key, member.name(), member.idNumber(),
                    code(Codes.Relation.valueOf(member.relation()), style), null,
                    code(Codes.Health.valueOf(member.health()), style),
                    code(Codes.Education.valueOf(member.education()), style),
                    code(Codes.LabourCapacity.valueOf(member.labourCapacity()), style)});
        }
    }

    private static void write(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] instanceof Number number) {
                row.createCell(i).setCellValue(number.doubleValue());
            } else if (values[i] != null) {
                row.createCell(i).setCellValue(values[i].toString());
            }
        }
    }

    private static String code(Enum<?> value, Style style) {
        String label = ((Codes.Labelled) value).label();
        return switch (style) {
            case CODE -> value.name();
            case LABEL -> label;
            case CHINESE -> label.split(" / ")[0];
        };
    }

    static byte[] bytes(Workbook book) throws IOException {
        try (book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            return out.toByteArray();
        }
    }

    private ResponseEntity<JsonNode> upload(String user, byte[] file) {
        LinkedMultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", new ByteArrayResource(file) {
            @Override
            public String getFilename() {
                return "households.xlsx";
            }
        });
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        return rest.withBasicAuth(user, "demo").postForEntity("/api/households/import", new HttpEntity<>(parts, headers),
                JsonNode.class);
    }

    private long cases() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("identification").count();
    }

    private void assertNotInRegistry(ApplicationForm... forms) {
        List<String> ids = new ArrayList<>();
        for (ApplicationForm form : forms) {
            form.members().forEach(member -> ids.add(member.idNumber()));
        }
        assertThat(households.findActiveMembersElsewhere(ids, EnumSet.allOf(Codes.Status.class), -1L)).isEmpty();
    }

    private static ApplicationForm withMembers(ApplicationForm form, List<MemberForm> members) {
        return new ApplicationForm(form.regionCode(), form.villageGroup(), form.phone(), form.incomeYear(), form.wages(),
                form.operatingNet(), form.propertyIncome(), form.transferIncome(), form.expenditure(),
                form.housingSafety(), form.drinkingWater(), form.causes(), form.ownsCar(), form.registeredBusiness(),
                form.commercialHousing(), form.civilServant(), members);
    }
}
