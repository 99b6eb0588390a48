package jp.certkiosk.app.ui;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes what a test sees to {@code docs/screens/<name>.png}, at half size to keep the pictures
 * small. The README shows them. They are tracked files: a test run writes them only when asked
 * ({@code -Dscreens.write=true}); otherwise the picture is still taken (so a screen that cannot
 * be drawn fails the test) and thrown away.
 */
final class ScreenShots {
    static final Path DIRECTORY = Path.of(System.getProperty("kiosk.screens", "../docs/screens"));
    static final boolean WRITE = Boolean.getBoolean("screens.write");

    private ScreenShots() {}

    static Path shoot(FxRobot robot, Scene scene, String name) {
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<WritableImage> image = new AtomicReference<>();
        robot.interact(() -> image.set(scene.snapshot(null)));
        WritableImage fx = image.get();
        int w = (int) fx.getWidth();
        int h = (int) fx.getHeight();
        BufferedImage full = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        int[] argb = new int[w * h];
        fx.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        full.setRGB(0, 0, w, h, argb, 0, w);
        BufferedImage half = new BufferedImage(w / 2, h / 2, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = half.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(full, 0, 0, w / 2, h / 2, null);
        g.dispose();
        if (!WRITE) {
            return null;
        }
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(name + ".png");
            ImageIO.write(half, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
