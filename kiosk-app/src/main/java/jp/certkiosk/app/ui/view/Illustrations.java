package jp.certkiosk.app.ui.view;

import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;
import javafx.scene.shape.SVGPath;

/**
 * Pictures drawn with shapes (no bitmaps): where the card goes, and taking the card and the
 * documents. Drawn for a 1080-pixel-wide panel; {@link #scale} fits them to the type scale.
 */
final class Illustrations {
    /** The root font size the pictures are drawn for. */
    static final double DRAWN_FOR_FONT = 25.7;

    private Illustrations() {}

    /** Scales every picture under {@code root} with the root font size (larger on a tall portrait panel). */
    static void scale(Node root, double font, boolean portrait) {
        double factor = font / DRAWN_FOR_FONT * (portrait ? 1.25 : 0.7);
        for (Node picture : root.lookupAll(".illustration-art")) {
            picture.setScaleX(factor);
            picture.setScaleY(factor);
        }
    }

    /** A picture in a group of its own, so that its scale counts in the layout. */
    private static Node framed(Group art, String id) {
        art.getStyleClass().add("illustration-art");
        Group frame = new Group(art);
        frame.setId(id);
        frame.getStyleClass().add("illustration");
        return frame;
    }

    private static Rectangle rect(double x, double y, double w, double h, double arc, String style) {
        Rectangle r = new Rectangle(x, y, w, h);
        r.setArcWidth(arc);
        r.setArcHeight(arc);
        r.getStyleClass().add(style);
        return r;
    }

    private static SVGPath path(String content, String style) {
        SVGPath p = new SVGPath();
        p.setContent(content);
        p.getStyleClass().add(style);
        return p;
    }

    private static Node card(double x, double y) {
        Group card = new Group(rect(x, y, 170, 108, 16, "ill-card"),
                rect(x + 18, y + 34, 30, 24, 6, "ill-chip"),
                new Circle(x + 130, y + 50, 20), rect(x + 62, y + 30, 80, 8, 4, "ill-line"),
                rect(x + 62, y + 48, 50, 8, 4, "ill-line"));
        ((Circle) card.getChildren().get(2)).getStyleClass().add("ill-photo");
        return card;
    }

    /** The card reader below the screen, the card above it, and an arrow: "put it here". */
    static Node placeCard() {
        Group group = new Group(
                rect(20, 190, 300, 70, 18, "ill-device"),
                rect(60, 176, 220, 20, 10, "ill-slot"),
                path("M170 150 L150 122 L162 122 L162 100 L178 100 L178 122 L190 122 Z", "ill-arrow"),
                card(85, -20));
        return framed(group, "illustration-place-card");
    }

    /** The card coming off the reader and the printed sheets coming out of the tray. */
    static Node takeCardAndDocuments() {
        Group group = new Group(
                rect(0, 190, 200, 70, 18, "ill-device"),
                card(15, 40),
                path("M100 0 L80 28 L92 28 L92 36 L108 36 L108 28 L120 28 Z", "ill-arrow"),
                rect(230, 200, 200, 60, 12, "ill-device"),
                rect(270, 60, 120, 160, 4, "ill-paper"),
                rect(284, 52, 120, 160, 4, "ill-paper"),
                rect(300, 82, 80, 8, 4, "ill-line"),
                rect(300, 100, 60, 8, 4, "ill-line"),
                path("M344 0 L324 28 L336 28 L336 40 L352 40 L352 28 L364 28 Z", "ill-arrow"));
        return framed(group, "illustration-take");
    }
}
