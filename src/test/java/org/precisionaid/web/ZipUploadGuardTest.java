package org.precisionaid.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** The rules an uploaded workbook's archive must keep before anything reads it, each named in the 400 answer. */
class ZipUploadGuardTest {

    final ZipUploadGuard guard = new ZipUploadGuard(50, DataSize.ofKilobytes(512), DataSize.ofMegabytes(1));

    @Test
    void anOrdinaryArchiveAndBytesThatAreNoArchivePass() throws IOException {
        assertThatCode(() -> guard.check(zip(entry("xl/worksheets/sheet1.xml", varied(300_000))), "file"))
                .doesNotThrowAnyException();
        assertThatCode(() -> guard.check("户编号,村代码\n".getBytes(), "file")).doesNotThrowAnyException();
    }

    @Test
    void anEntryThatInflatesBeyondTheRatioIsRefusedNamingTheFieldAndTheRule() throws IOException {
        byte[] bomb = zip(entry("xl/worksheets/sheet1.xml", new byte[400_000]));   // zeros: about 1000:1
        assertThatThrownBy(() -> guard.check(bomb, "file")).isInstanceOfSatisfying(FieldRuleException.class, e -> {
            assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(e.errors().get("file")).contains("xl/worksheets/sheet1.xml").contains("max-inflate-ratio");
        });
    }

    @Test
    void anOversizedSheetOrWorkbookIsRefusedThoughItCompressesOrdinarily() throws IOException {
        byte[] sheet = zip(entry("xl/worksheets/sheet1.xml", varied(600_000)));
        assertThatThrownBy(() -> guard.check(sheet, "file")).isInstanceOfSatisfying(FieldRuleException.class,
                e -> assertThat(e.errors().get("file")).contains("max-entry-size").contains("sheet1.xml"));

        Part[] parts = new Part[3];
        for (int i = 0; i < 3; i++) {
            parts[i] = entry("xl/worksheets/sheet" + (i + 1) + ".xml", varied(400_000));
        }
        assertThatThrownBy(() -> guard.check(zip(parts), "file")).isInstanceOfSatisfying(FieldRuleException.class,
                e -> assertThat(e.errors().get("file")).contains("max-total-size"));
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Part[] parts = new Part[ZipUploadGuard.MAX_ENTRIES + 1];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = entry("p" + i, new byte[1]);
        }
        assertThatThrownBy(() -> guard.check(zip(parts), "file")).isInstanceOfSatisfying(FieldRuleException.class,
                e -> assertThat(e.errors().get("file")).contains(String.valueOf(ZipUploadGuard.MAX_ENTRIES)));
    }

    /** Text that compresses about as a real sheet does (a few times, not a hundred). */
    private static byte[] varied(int size) {
        Random random = new Random(size);
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i % 8 == 0 ? '<' : 'a' + random.nextInt(26));
        }
        return bytes;
    }

    record Part(String name, byte[] content) {
    }

    private static Part entry(String name, byte[] content) {
        return new Part(name, content);
    }

    private static byte[] zip(Part... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Part part : parts) {
                zip.putNextEntry(new ZipEntry(part.name()));
                zip.write(part.content());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
