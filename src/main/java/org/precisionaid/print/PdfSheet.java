package org.precisionaid.print;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * An A4 document of text for printing: titles, paragraphs, bordered tables that continue on the next page with their
 * header repeated, and a footer with the page number on every page. All text is set in the embedded {@link PrintFont};
 * a character the font lacks prints as "?" rather than failing the whole document.
 *
 * <p>Single use: build it top to bottom, then {@link #toBytes()}.
 */
public final class PdfSheet implements AutoCloseable {

    static final float MARGIN = 40f;
    static final float BODY = 10.5f;
    /** Table cells: a little smaller than the text, so that an application number fits its column. */
    static final float CELL = 8.5f;
    public static final float SMALL_TEXT = 8.5f;
    private static final float LEADING = 1.4f;
    private static final float PAD = 4f;
    private static final float FOOTER_SPACE = 28f;
    private static final Color SHADE = new Color(0.92f, 0.92f, 0.92f);

    private final PDDocument document = new PDDocument();
    private final PrintFont.Loaded loaded;
    private final PDType0Font font;
    private final CmapLookup cmap;
    private final String footer;
    private final java.util.Map<Integer, Float> widths = new java.util.HashMap<>();
    private final PDRectangle pageSize;
    private final float width;
    private PDPageContentStream content;
    private float y;
    private boolean closed;

    /**
     * @param title  the document's title in its properties (what a PDF viewer shows in its title bar)
     * @param footer printed at the foot of every page, left; the page number goes right
     */
    public PdfSheet(PrintFont printFont, String title, String footer) {
        this(printFont, title, footer, false);
    }

    /** @param landscape A4 turned sideways: for wide tables (the reports) */
    public PdfSheet(PrintFont printFont, String title, String footer, boolean landscape) {
        this(printFont, title, footer, landscape, PrintFont.Lane.OFFICIALS);
    }

    /** @param lane whom the document is made for: officials, or anyone without login (public notices, disclosures) */
    public PdfSheet(PrintFont printFont, String title, String footer, PrintFont.Lane lane) {
        this(printFont, title, footer, false, lane);
    }

    private PdfSheet(PrintFont printFont, String title, String footer, boolean landscape, PrintFont.Lane lane) {
        this.pageSize = landscape ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
        this.width = pageSize.getWidth() - 2 * MARGIN;
        try {
            this.loaded = printFont.load(lane);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            this.font = PDType0Font.load(document, loaded.face(), true);
            this.cmap = loaded.face().getUnicodeCmapLookup();
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        this.footer = footer;
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("精准扶贫 Precision Aid");
        info.setCreationDate(Calendar.getInstance());
        document.getDocumentCatalog().setLanguage("zh-CN");
        newPage();
    }

    /** Large, centred. */
    public PdfSheet title(String text) {
        return centred(text, 17f);
    }

    public PdfSheet centred(String text, float size) {
        for (String line : wrap(text, size, width)) {
            ensure(size * LEADING);
            y -= size * LEADING;
            write(line, MARGIN + (width - textWidth(line, size)) / 2, y + size * 0.3f, size);
        }
        return this;
    }

    public PdfSheet heading(String text) {
        space(6f);
        return paragraph(text, 12.5f);
    }

    public PdfSheet paragraph(String text) {
        return paragraph(text, BODY);
    }

    public PdfSheet paragraph(String text, float size) {
        for (String line : wrap(text, size, width)) {
            ensure(size * LEADING);
            y -= size * LEADING;
            write(line, MARGIN, y + size * 0.3f, size);
        }
        return this;
    }

    public PdfSheet space(float points) {
        y -= points;
        return this;
    }

    /** Label and value, one per row, labels shaded: for the facts of one record. */
    public PdfSheet fields(List<List<String>> rows) {
        return table(new float[] {0.3f, 0.7f}, null, rows, true);
    }

    /**
     * A bordered table; cells wrap, a row never splits over two pages, and the header (if any) is repeated at the top
     * of each further page.
     *
     * @param widths relative column widths (any scale)
     */
    public PdfSheet table(float[] widths, List<String> header, List<List<String>> rows, boolean shadeFirstColumn) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float[] columns = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            columns[i] = widths[i] / total * width;
        }
        space(4f);
        if (header != null) {
            row(columns, header, true, false, rows.isEmpty() ? 0 : height(columns, rows.get(0)));
        }
        for (List<String> cells : rows) {
            float needed = height(columns, cells);
            if (y - needed < MARGIN + FOOTER_SPACE) {
                newPage();
                if (header != null) {
                    row(columns, header, true, false, needed);
                }
            }
            row(columns, cells, false, shadeFirstColumn, 0);
        }
        space(4f);
        return this;
    }

    /** Footers on every page, then the document as bytes. */
    public byte[] toBytes() {
        try {
            content.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, document.getPage(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    content = foot;
                    String number = "第 " + (i + 1) + " 页，共 " + pages + " 页 / Page " + (i + 1) + " of " + pages;
                    write(footer, MARGIN, MARGIN - 14f, SMALL_TEXT);
                    write(number, MARGIN + width - textWidth(number, SMALL_TEXT), MARGIN - 14f, SMALL_TEXT);
                }
            }
            content = null;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Frees the document and the font, and ends this document's turn (see {@link PrintFont}). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (content != null) {
                content.close();
                content = null;
            }
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                loaded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    // ---- layout

    private float height(float[] columns, List<String> cells) {
        int lines = 1;
        for (int i = 0; i < columns.length; i++) {
            lines = Math.max(lines, wrap(cell(cells, i), CELL, columns[i] - 2 * PAD).size());
        }
        return lines * CELL * LEADING + 2 * PAD;
    }

    /** Draws one row at the current position; {@code keepWith} keeps a header on the page of the first row after it. */
    private void row(float[] columns, List<String> cells, boolean header, boolean shadeFirst, float keepWith) {
        float rowHeight = height(columns, cells);
        if (y - rowHeight - keepWith < MARGIN + FOOTER_SPACE) {
            newPage();
        }
        float x = MARGIN;
        float top = y;
        try {
            for (int i = 0; i < columns.length; i++) {
                if (header || (shadeFirst && i == 0)) {
                    content.setNonStrokingColor(SHADE);
                    content.addRect(x, top - rowHeight, columns[i], rowHeight);
                    content.fill();
                    content.setNonStrokingColor(Color.BLACK);
                }
                content.setLineWidth(0.6f);
                content.addRect(x, top - rowHeight, columns[i], rowHeight);
                content.stroke();
                float lineY = top - PAD;
                for (String line : wrap(cell(cells, i), CELL, columns[i] - 2 * PAD)) {
                    lineY -= CELL * LEADING;
                    write(line, x + PAD, lineY + CELL * 0.3f, CELL);
                }
                x += columns[i];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = top - rowHeight;
    }

    private static String cell(List<String> cells, int i) {
        return i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
    }

    private void ensure(float height) {
        if (y - height < MARGIN + FOOTER_SPACE) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(pageSize);
            document.addPage(page);
            content = new PDPageContentStream(document, page);
            y = pageSize.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String text, float x, float baseline, float size) {
        if (text.isEmpty()) {
            return;
        }
        try {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(text);
            content.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- text

    /** The text as the font can print it: line breaks kept, tabs as spaces, characters it lacks as "?". */
    String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                out.append(' ');
            } else if (cmap.getGlyphId(cp) == 0) {
                out.append('?');
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    /** Width in points: the sum of the characters' advance widths (as {@code PDFont.getStringWidth}), memoised. */
    float textWidth(String text, float size) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += widths.computeIfAbsent(cp, this::advance);
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    private float advance(int cp) {
        try {
            return font.getStringWidth(new String(Character.toChars(cp)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Lines no wider than {@code max}. Chinese breaks between any two characters; a Latin word moves to the next line
     * whole unless it alone is too long.
     */
    List<String> wrap(String text, float size, float max) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : printable(text == null ? "" : text).split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            int[] points = paragraph.codePoints().toArray();
            for (int cp : points) {
                String ch = new String(Character.toChars(cp));
                float w = textWidth(ch, size);
                if (lineWidth + w > max && !line.isEmpty()) {
                    int space = line.lastIndexOf(" ");
                    if (cp != ' ' && !cjk(cp) && space > 0 && !cjk(line.codePointBefore(line.length()))) {
                        lines.add(line.substring(0, space));
                        line = new StringBuilder(line.substring(space + 1));
                    } else {
                        lines.add(line.toString().stripTrailing());
                        line = new StringBuilder();
                    }
                    lineWidth = textWidth(line.toString(), size);
                    if (cp == ' ' && line.isEmpty()) {
                        continue;
                    }
                }
                line.append(ch);
                lineWidth += w;
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    private static boolean cjk(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}
