package jp.certkiosk.printer.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;

/** The scrambled back's fast encoding stores exactly the samples LosslessFactory stored. */
class GreyImageTest {
    @Test
    void theSamplesAreTheOnesLosslessFactoryWrites() throws Exception {
        BufferedImage image = new BufferedImage(97, 61, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.getRaster().setSample(x, y, 0, random.nextInt(256));
            }
        }
        try (PDDocument document = new PDDocument()) {
            assertArrayEquals(samples(LosslessFactory.createFromImage(document, image)),
                    samples(AntiForgeryComposer.greyImage(document, image)));
        }
    }

    private static byte[] samples(PDImageXObject image) throws Exception {
        try (InputStream decoded = image.createInputStream()) {
            return decoded.readAllBytes();
        }
    }
}
