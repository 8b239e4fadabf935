package org.precisionaid.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What every Excel download of ours shares (Apache POI): a bold header row, column widths in characters, the workbook
 * as bytes, and the HTTP answer that hands it over as an attachment. The registry's household list and the reports
 * use it; each writes its own rows.
 */
public final class Spreadsheets {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Spreadsheets() {
    }

    public static CellStyle bold(Workbook book) {
        CellStyle bold = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(true);
        bold.setFont(font);
        return bold;
    }

    /** Writes the headers in bold into the given row of the sheet and sets each column's width (in characters). */
    public static Row header(Sheet sheet, int rowIndex, CellStyle bold, String[] headers, int[] widths) {
        Row header = sheet.createRow(rowIndex);
        for (int i = 0; i < headers.length; i++) {
            header.createCell(i).setCellValue(headers[i]);
            header.getCell(i).setCellStyle(bold);
            if (widths != null && i < widths.length) {
                sheet.setColumnWidth(i, Math.min(255, widths[i]) * 256);
            }
        }
        return header;
    }

    /** The finished workbook as bytes; a streaming workbook's temporary files are removed. */
    public static byte[] bytes(Workbook book) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.write(out);
            if (book instanceof SXSSFWorkbook streaming) {
                streaming.dispose();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 200 with the workbook as a download named {@code filename}. */
    public static ResponseEntity<byte[]> attachment(String filename, byte[] xlsx) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(XLSX);
        headers.setContentDisposition(ContentDisposition.attachment().filename(filename).build());
        return ResponseEntity.ok().headers(headers).body(xlsx);
    }
}
