package org.precisionaid.support;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * Keeps what a test printed: the PDF and its first page as PNG (rendered by PDFBox, as a viewer would show it) under
 * target/screenshots/printed/, beside the browser journeys' screenshots, for the tour.
 */
public final class Printed {

    static final Path DIRECTORY = Path.of("target", "screenshots", "printed");

    private Printed() {
    }

    /** The text of every page, as PDFBox reads it back. */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    public static void save(String name, byte[] pdf) throws IOException {
        Files.createDirectories(DIRECTORY);
        Files.write(DIRECTORY.resolve(name + ".pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB);
            ImageIO.write(page, "png", DIRECTORY.resolve(name + ".png").toFile());
        }
    }
}
