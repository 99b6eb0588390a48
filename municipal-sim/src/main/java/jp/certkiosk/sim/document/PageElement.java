package jp.certkiosk.sim.document;

/**
 * One thing on a certificate page, positioned in PDF points from the bottom-left corner of an A4
 * page. Laid out first, drawn only after every glyph has been found in the font.
 */
sealed interface PageElement {
    /** Where x is on a line of text: its start, its centre or its end. */
    enum Anchor { LEFT, CENTER, RIGHT }

    /** Black for the text, red for the municipal seal. */
    enum Ink { BLACK, SEAL_RED }

    record Text(float x, float y, float size, String text, Anchor anchor, Ink ink) implements PageElement {}

    record Rule(float x1, float y1, float x2, float y2, float width) implements PageElement {}

    record Frame(float x, float y, float width, float height, float lineWidth, Ink ink) implements PageElement {}

    /** A circle around (x, y): a ring for a seal's rim, or filled. */
    record Disc(float x, float y, float radius, float lineWidth, boolean filled, Ink ink) implements PageElement {}
}
