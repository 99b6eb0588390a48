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

    /** A red square with red text in its middle: a seal (印) as the simulator draws one. */
    LayoutBuilder seal(float x, float y, float side, float textSize, String text) {
        add(new Frame(x, y, side, side, 1.5f, Ink.SEAL_RED));
        return add(new Text(x + side / 2f, y + side / 2f - textSize * 0.35f, textSize, text, Anchor.CENTER, Ink.SEAL_RED));
    }

    LayoutBuilder rule(float y) {
        return add(new Rule(LEFT, y, RIGHT, y, 0.6f));
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
