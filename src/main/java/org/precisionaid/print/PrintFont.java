package org.precisionaid.print;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

import org.precisionaid.web.FieldRuleException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The one font of every printed page: WenQuanYi Micro Hei (文泉驿微米黑), Chinese and Latin in TrueType outlines, shipped
 * in the jar ({@code fonts/wqy-microhei.ttc}; source and licence in {@code docs/fonts.md}). Each document embeds only
 * the glyphs it uses, so a notice prints the same on any printer, with no font installed there.
 *
 * <p>The file is read once; each document parses its own copy of the collection, because a parsed font is not safe to
 * share between threads.
 */
@Component
public class PrintFont {

    static final String RESOURCE = "/fonts/wqy-microhei.ttc";
    /** PostScript name of the proportional face of the collection (the other is the monospaced one). */
    static final String FACE = "WenQuanYiMicroHei";

    private final byte[] collection;
    /** Documents being made at once: each parse holds a copy of the font and a core, and the notices are public. */
    private final Semaphore printing;
    private final int concurrent;
    private final Duration wait;

    /** For tests: two documents at once, a caller waits up to ten seconds for his turn. */
    public PrintFont() {
        this(2, Duration.ofSeconds(10));
    }

    @Autowired
    public PrintFont(@Value("${precision-aid.print.concurrent:2}") int concurrent) {
        this(concurrent, Duration.ofSeconds(10));
    }

    PrintFont(int concurrent, Duration wait) {
        this.concurrent = concurrent;
        this.printing = new Semaphore(concurrent, true);
        this.wait = wait;
        try (InputStream in = PrintFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the print font " + RESOURCE + " is missing from the classpath");
            }
            this.collection = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh parse of the face, once it is this caller's turn (503 when too many documents are being made for too
     * long); the caller closes it once its document is saved, which also ends his turn.
     */
    Loaded load() throws IOException {
        try {
            if (!printing.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
        try {
            TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(collection));
            TrueTypeFont face = ttc.getFontByName(FACE);
            if (face == null) {
                ttc.close();
                throw new IllegalStateException("no face " + FACE + " in " + RESOURCE);
            }
            return new Loaded(ttc, face, printing);
        } catch (IOException | RuntimeException e) {
            printing.release();
            throw e;
        }
    }

    private FieldRuleException busy() {
        return new FieldRuleException(HttpStatus.SERVICE_UNAVAILABLE, "busy-printing",
                "正在打印，请稍后再试 / Busy printing, try again shortly",
                Map.of("print", concurrent + " documents are being made at once; try again in a few seconds"));
    }

    record Loaded(TrueTypeCollection collection, TrueTypeFont face, Semaphore turn) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                collection.close();
            } finally {
                turn.release();
            }
        }
    }
}
