package org.precisionaid.print;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

import org.precisionaid.web.FieldRuleException;
import org.precisionaid.web.RetryLaterException;
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

    /**
     * Who a document is made for. Officials' documents (cards, reports) and the public's (notices, disclosures, anyone
     * may ask without login) take turns in separate slots: officials never wait behind the public.
     */
    public enum Lane { OFFICIALS, PUBLIC }

    private final byte[] collection;
    /** Documents being made at once per lane: each parse holds a copy of the font and a core. */
    private final Map<Lane, Semaphore> slots = new EnumMap<>(Lane.class);
    private final Map<Lane, Integer> concurrent = new EnumMap<>(Lane.class);
    private final Map<Lane, Duration> wait = new EnumMap<>(Lane.class);

    /** For tests: two documents at once per lane, a caller waits up to ten seconds for his turn. */
    public PrintFont() {
        this(2, Duration.ofSeconds(10), 2, Duration.ofSeconds(10));
    }

    @Autowired
    public PrintFont(@Value("${precision-aid.print.concurrent:2}") int concurrent,
            @Value("${precision-aid.print.public-concurrent:1}") int publicConcurrent,
            @Value("${precision-aid.print.public-wait:PT2S}") Duration publicWait) {
        this(concurrent, Duration.ofSeconds(10), publicConcurrent, publicWait);
    }

    PrintFont(int concurrent, Duration wait, int publicConcurrent, Duration publicWait) {
        this.slots.put(Lane.OFFICIALS, new Semaphore(concurrent, true));
        this.slots.put(Lane.PUBLIC, new Semaphore(publicConcurrent, true));
        this.concurrent.put(Lane.OFFICIALS, concurrent);
        this.concurrent.put(Lane.PUBLIC, publicConcurrent);
        this.wait.put(Lane.OFFICIALS, wait);
        this.wait.put(Lane.PUBLIC, publicWait);
        try (InputStream in = PrintFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the print font " + RESOURCE + " is missing from the classpath");
            }
            this.collection = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An officials' document: see {@link #load(Lane)}. */
    Loaded load() throws IOException {
        return load(Lane.OFFICIALS);
    }

    /**
     * A fresh parse of the face, once it is this caller's turn in his lane (503 with Retry-After when the lane's
     * documents are being made for too long); the caller closes it once its document is saved, which also ends his
     * turn.
     */
    Loaded load(Lane lane) throws IOException {
        Semaphore printing = slots.get(lane);
        try {
            if (!printing.tryAcquire(wait.get(lane).toMillis(), TimeUnit.MILLISECONDS)) {
                throw busy(lane);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy(lane);
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

    private FieldRuleException busy(Lane lane) {
        return new RetryLaterException(HttpStatus.SERVICE_UNAVAILABLE, "busy-printing",
                "正在打印，请稍后再试 / Busy printing, try again shortly",
                Map.of("print", concurrent.get(lane) + (lane == Lane.PUBLIC ? " public" : "")
                        + " documents are being made at once; try again in a few seconds"), Duration.ofSeconds(5));
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
