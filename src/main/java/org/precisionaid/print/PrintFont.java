package org.precisionaid.print;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;

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

    public PrintFont() {
        try (InputStream in = PrintFont.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the print font " + RESOURCE + " is missing from the classpath");
            }
            this.collection = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh parse of the face; the caller closes the returned collection once its document is saved. */
    Loaded load() throws IOException {
        TrueTypeCollection ttc = new TrueTypeCollection(new ByteArrayInputStream(collection));
        TrueTypeFont face = ttc.getFontByName(FACE);
        if (face == null) {
            ttc.close();
            throw new IllegalStateException("no face " + FACE + " in " + RESOURCE);
        }
        return new Loaded(ttc, face);
    }

    record Loaded(TrueTypeCollection collection, TrueTypeFont face) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            collection.close();
        }
    }
}
