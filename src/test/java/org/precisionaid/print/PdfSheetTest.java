package org.precisionaid.print;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.precisionaid.web.FieldRuleException;
import org.springframework.http.HttpStatus;

/** What the printer gets: A4, Chinese and Latin readable, the font embedded as a subset, long tables over pages. */
class PdfSheetTest {

    static final PrintFont FONT = new PrintFont();

    @Test
    void chineseAndLatinTextComeBackFromAnA4PageWithTheFontEmbedded() throws IOException {
        byte[] pdf;
        try (PdfSheet sheet = new PdfSheet(FONT, "测试 / Test", "托里县 / Toli County")) {
            sheet.title("贫困户识别公示 / Public notice")
                    .paragraph("阿依古丽·买买提（第三村民小组）— Aiguli Maimaiti, group 3")
                    .table(new float[] {1, 2}, List.of("户主 / Head", "身份证号 / ID number"),
                            List.of(List.of("王建国", "654224********0011")), false);
            pdf = sheet.toBytes();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(PDRectangle.A4.getWidth());
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("贫困户识别公示 / Public notice")
                    .contains("阿依古丽·买买提（第三村民小组）— Aiguli Maimaiti, group 3")
                    .contains("王建国").contains("654224********0011")
                    .contains("第 1 页，共 1 页 / Page 1 of 1").contains("托里县 / Toli County");
            PDFont font = document.getPage(0).getResources().getFont(
                    document.getPage(0).getResources().getFontNames().iterator().next());
            assertThat(font).isInstanceOf(PDType0Font.class);
            assertThat(font.isEmbedded()).as("embedded: prints without the font installed").isTrue();
            assertThat(font.getName()).as("a subset (XXXXXX+ prefix)").matches("[A-Z]{6}\\+WenQuanYiMicroHei");
        }
        assertThat(pdf.length).as("a subset, not the 5 MB font").isLessThan(200_000);
    }

    @Test
    void aLongTableContinuesOnTheNextPageWithItsHeader() throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= 80; i++) {
            rows.add(List.of("SQ-" + i, "农户" + i));
        }
        byte[] pdf;
        try (PdfSheet sheet = new PdfSheet(FONT, "t", "f")) {
            sheet.table(new float[] {1, 1}, List.of("申请号 / Application", "户主 / Head"), rows, false);
            pdf = sheet.toBytes();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            PDFTextStripper page2 = new PDFTextStripper();
            page2.setStartPage(2);
            page2.setEndPage(2);
            String text = page2.getText(document);
            assertThat(text).contains("申请号 / Application").contains("第 2 页，共 " + document.getNumberOfPages() + " 页");
            assertThat(new PDFTextStripper().getText(document)).contains("SQ-1 农户1\n").contains("SQ-80").contains("农户80");
        }
    }

    @Test
    void onlySoManyDocumentsAreMadeAtOnceAndTheNextCallerIsToldToTryAgain() {
        PrintFont one = new PrintFont(1, java.time.Duration.ofMillis(200), 1, java.time.Duration.ofMillis(200));
        PdfSheet first = new PdfSheet(one, "t", "f");
        assertThatThrownBy(() -> new PdfSheet(one, "t", "f"))
                .isInstanceOfSatisfying(FieldRuleException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.errors()).containsKey("print");
                });
        first.toBytes();
        first.close();
        first.close();   // twice gives back one turn only
        try (PdfSheet second = new PdfSheet(one, "t", "f")) {
            assertThat(second.toBytes()).isNotEmpty();
            assertThatThrownBy(() -> new PdfSheet(one, "t", "f")).isInstanceOf(FieldRuleException.class);
        }
    }

    @Test
    void officialsPrintWhileThePublicsSlotsAreTakenAndThePublicIsToldToRetryLater() {
        PrintFont font = new PrintFont(1, java.time.Duration.ofMillis(200), 1, java.time.Duration.ZERO);
        try (PdfSheet publicNotice = new PdfSheet(font, "notice", "f", PrintFont.Lane.PUBLIC)) {
            assertThatThrownBy(() -> new PdfSheet(font, "another notice", "f", PrintFont.Lane.PUBLIC))
                    .isInstanceOfSatisfying(org.precisionaid.web.RetryLaterException.class, e -> {
                        assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                        assertThat(e.errors().get("print")).contains("public");
                        assertThat(e.retryAfterSeconds()).isPositive();
                    });
            try (PdfSheet card = new PdfSheet(font, "card", "f")) {
                assertThat(card.toBytes()).as("the official's card, beside the public notice").isNotEmpty();
            }
            assertThat(publicNotice.toBytes()).isNotEmpty();
        }
        try (PdfSheet again = new PdfSheet(font, "notice", "f", PrintFont.Lane.PUBLIC)) {
            assertThat(again.toBytes()).as("the public slot is free again").isNotEmpty();
        }
    }

    @Test
    void aCharacterTheFontLacksPrintsAsAQuestionMarkInsteadOfFailing() throws IOException {
        try (PdfSheet sheet = new PdfSheet(FONT, "t", "f")) {
            assertThat(sheet.printable("王\uD840\uDC0B建国\tX")).isEqualTo("王?建国 X");   // U+2000B, CJK Ext. B
        }
    }

    @Test
    void longTextWrapsWithinTheColumnAndLatinWordsStayWhole() {
        try (PdfSheet sheet = new PdfSheet(FONT, "t", "f")) {
            List<String> lines = sheet.wrap("During the notice period anyone may object to a listed household", 10.5f, 120f);
            assertThat(lines).hasSizeGreaterThan(2).allSatisfy(line -> assertThat(sheet.textWidth(line, 10.5f)).isLessThanOrEqualTo(120f));
            assertThat(String.join(" ", lines)).isEqualTo("During the notice period anyone may object to a listed household");
            List<String> chinese = sheet.wrap("公示期内任何人可对名单提出异议乡镇将调查并答复", 10.5f, 60f);
            assertThat(String.join("", chinese)).isEqualTo("公示期内任何人可对名单提出异议乡镇将调查并答复");
            assertThat(chinese).hasSizeGreaterThan(3);
        }
    }
}
