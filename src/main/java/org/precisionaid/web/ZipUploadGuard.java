package org.precisionaid.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Refuses a zip bomb or an oversized sheet in an uploaded .xlsx before anything reads it as a workbook. An .xlsx is a
 * zip archive; Apache POI holds every entry of an uploaded one in memory, inflated. So the archive is first inflated
 * here into nothing, counting bytes as they come (declared sizes can lie), and refused as soon as one entry inflates
 * more than {@code max-inflate-ratio} times its compressed size, grows beyond {@code max-entry-size}, all entries
 * together beyond {@code max-total-size}, or the archive holds more than {@value #MAX_ENTRIES} entries — the rules of
 * POI's {@code ZipSecureFile}, with limits for what a county's workbook needs (20,000 rows inflate to about 10 MB at
 * about 10:1). An archive that cannot be read entry by entry is refused too; bytes that are not a zip archive at all
 * pass, and the workbook reader then says what they are not.
 */
@Component
public class ZipUploadGuard {

    /** POI's own default for the number of entries. */
    static final int MAX_ENTRIES = 1000;
    /** An entry this small is not judged by its ratio (POI's grace size is 100 KB). */
    static final long GRACE_ENTRY_SIZE = 100 * 1024;

    private final double maxInflateRatio;
    private final long maxEntrySize;
    private final long maxTotalSize;

    public ZipUploadGuard(@Value("${precision-aid.upload.max-inflate-ratio:50}") double maxInflateRatio,
            @Value("${precision-aid.upload.max-entry-size:50MB}") DataSize maxEntrySize,
            @Value("${precision-aid.upload.max-total-size:100MB}") DataSize maxTotalSize) {
        this.maxInflateRatio = maxInflateRatio;
        this.maxEntrySize = maxEntrySize.toBytes();
        this.maxTotalSize = maxTotalSize.toBytes();
    }

    /** Throws a 400 problem naming {@code field} and the broken rule; returns when the archive keeps every limit. */
    public void check(byte[] upload, String field) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (CountingInputStream raw = new CountingInputStream(new ByteArrayInputStream(upload));
             ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw refused(field, "压缩包条目过多 / the workbook holds more than " + MAX_ENTRIES
                            + " files inside; it is not an ordinary Excel workbook");
                }
                long compressedStart = raw.count();
                long inflated = 0;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    inflated += read;
                    total += read;
                    if (inflated > maxEntrySize) {
                        throw refused(field, "工作表过大 / '" + entry.getName() + "' inflates to more than "
                                + maxEntrySize / (1024 * 1024) + " MB (rule: max-entry-size); split the rows into "
                                + "several files");
                    }
                    if (total > maxTotalSize) {
                        throw refused(field, "工作簿解压后过大 / the workbook inflates to more than "
                                + maxTotalSize / (1024 * 1024) + " MB in all (rule: max-total-size)");
                    }
                    long compressed = Math.max(1, raw.count() - compressedStart);
                    if (inflated > GRACE_ENTRY_SIZE && inflated > maxInflateRatio * compressed) {
                        throw refused(field, "压缩比异常 / '" + entry.getName() + "' inflates more than "
                                + Math.round(maxInflateRatio) + ":1 (rule: max-inflate-ratio, a zip bomb); "
                                + "save the workbook again from Excel");
                    }
                }
            }
        } catch (IOException e) {
            if (isZip(upload)) {
                // what cannot be measured here is not handed to the workbook reader either
                throw refused(field, "无法检查的压缩包 / the workbook's archive cannot be read entry by entry ("
                        + e.getClass().getSimpleName() + "); save it again from Excel as .xlsx");
            }
            // not a zip archive at all: left to the workbook reader, which says what it is not
        }
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
    }

    static FieldRuleException refused(String field, String rule) {
        return new FieldRuleException(HttpStatus.BAD_REQUEST, "upload-refused",
                "上传的文件被拒绝，未写入任何数据 / Upload refused, nothing written", Map.of(field, rule));
    }

    /** Bytes read from the archive so far: the compressed size consumed while an entry inflates. */
    private static final class CountingInputStream extends java.io.FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
