package jp.certkiosk.sim.document;

import java.util.ArrayList;
import java.util.List;
import jp.certkiosk.sim.document.PageElement.Anchor;
import jp.certkiosk.sim.document.PageElement.Frame;
import jp.certkiosk.sim.document.PageElement.Ink;
import jp.certkiosk.sim.document.PageElement.Rule;
import jp.certkiosk.sim.document.PageElement.Text;

/** Collects the elements of a certificate page by page. A4 portrait: 595 x 842 points. */
final class LayoutBuilder {
    static final float PAGE_WIDTH = 595.27563f;
    static final float PAGE_HEIGHT = 841.8898f;
    static final float LEFT = 50f;
    static final float RIGHT = PAGE_WIDTH - 50f;
    static final float CENTER = PAGE_WIDTH / 2f;

    private final List<List<PageElement>> pages = new ArrayList<>();
    private List<PageElement> page;

    LayoutBuilder() {
        newPage();
    }

    LayoutBuilder newPage() {
        page = new ArrayList<>();
        pages.add(page);
        return this;
    }

    LayoutBuilder text(float x, float y, float size, String text) {
        return add(new Text(x, y, size, text, Anchor.LEFT, Ink.BLACK));
    }

    LayoutBuilder centered(float x, float y, float size, String text) {
        return add(new Text(x, y, size, text, Anchor.CENTER, Ink.BLACK));
    }

    LayoutBuilder right(float x, float y, float size, String text) {
        return add(new Text(x, y, size, text, Anchor.RIGHT, Ink.BLACK));
    }

    /**
     * The municipal seal (職印): a red square with a double frame and its characters in columns
     * read top to bottom, right to left, as an official seal is cut.
     */
    LayoutBuilder seal(float x, float y, float side, float textSize, String text) {
        add(new Frame(x, y, side, side, 1.8f, Ink.SEAL_RED));
        add(new Frame(x + 3f, y + 3f, side - 6f, side - 6f, 0.6f, Ink.SEAL_RED));
        int[] codePoints = text.codePoints().toArray();
        int perColumn = (codePoints.length + 1) / 2;
        float size = Math.min(textSize * 1.6f, (side - 12f) / perColumn);
        for (int i = 0; i < codePoints.length; i++) {
            int column = i / perColumn;
            float cx = x + side * (column == 0 ? 0.7f : 0.3f);
            float cy = y + side - 8f - size * 0.85f - (i % perColumn) * size;
            add(new Text(cx, cy, size, new String(codePoints, i, 1), Anchor.CENTER, Ink.SEAL_RED));
        }
        return this;
    }

    /** A registered seal's impression: a red double ring around (cx, cy), the characters stacked inside. */
    LayoutBuilder impression(float cx, float cy, float radius, String characters) {
        add(new PageElement.Disc(cx, cy, radius, 2.2f, false, Ink.SEAL_RED));
        add(new PageElement.Disc(cx, cy, radius - 4f, 0.8f, false, Ink.SEAL_RED));
        int[] codePoints = characters.codePoints().filter(c -> c != ' ' && c != '　').toArray();
        int count = Math.max(1, codePoints.length);
        float size = Math.min(30f, (radius * 1.5f) / count);
        float top = cy + size * count / 2f - size * 0.85f;
        for (int i = 0; i < codePoints.length; i++) {
            add(new Text(cx, top - i * size, size, new String(codePoints, i, 1), Anchor.CENTER, Ink.SEAL_RED));
        }
        return this;
    }

    LayoutBuilder rule(float y) {
        return add(new Rule(LEFT, y, RIGHT, y, 0.6f));
    }

    /** A thin line anywhere, e.g. the column rule of a table. */
    LayoutBuilder line(float x1, float y1, float x2, float y2, float width) {
        return add(new Rule(x1, y1, x2, y2, width));
    }

    LayoutBuilder frame(float x, float y, float width, float height) {
        return add(new Frame(x, y, width, height, 0.8f, Ink.BLACK));
    }

    int pageCount() {
        return pages.size();
    }

    /** Numbers every page "n / N" at the bottom and returns the layout. */
    CertificateLayout build(String title) {
        int total = pages.size();
        for (int i = 0; i < total; i++) {
            pages.get(i).add(new Text(CENTER, 30f, 8f, (i + 1) + " / " + total, Anchor.CENTER, Ink.BLACK));
        }
        return new CertificateLayout(title, pages);
    }

    private LayoutBuilder add(PageElement element) {
        page.add(element);
        return this;
    }
}
