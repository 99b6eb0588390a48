package jp.certkiosk.sim.document;

import java.util.List;
import java.util.function.Consumer;

/**
 * The two-column table of the computerized family register and its annex: a label column on the
 * left (本籍, 戸籍に記録されている者, 身分事項 出生 …) and the items on the right, one per line,
 * with rules between sections and a heavier rule between persons. Rows flow onto as many sheets
 * as they need; a section is never split from its label.
 */
final class RegisterTable {
    static final float LABEL_X = LayoutBuilder.LEFT + 8f;
    static final float VALUE_X = 190f;
    static final float COLUMN_X = VALUE_X - 8f;
    static final float LINE = 15f;
    static final float TOP = 740f;
    private static final float SIZE = 10f;
    /** Rows of a sheet that is not the last go down to here (the page number lies below). */
    private static final float BOTTOM = 60f;

    /** One section: labels stacked in the left column, lines in the right, a rule below. */
    record Section(List<String> labels, List<String> lines, boolean heavyRuleBelow, String mark) {
        Section {
            labels = List.copyOf(labels);
            lines = List.copyOf(lines);
        }

        Section(List<String> labels, List<String> lines, boolean heavyRuleBelow) {
            this(labels, lines, heavyRuleBelow, null);
        }

        float height() {
            return LINE * Math.max(labels.size(), lines.size()) + 8f;
        }
    }

    private RegisterTable() {}

    /**
     * Lays the sections out from {@link #TOP}; {@code header} draws the head of each sheet (and is
     * told whether it is a continuation). Ends with 以下余白, on a sheet with room left for the
     * certification below it (a sheet of its own if the last one is full).
     */
    static void layout(LayoutBuilder page, List<Section> sections, Consumer<Boolean> header) {
        header.accept(false);
        float y = TOP;
        float tableTop = y;
        page.line(LayoutBuilder.LEFT, y, LayoutBuilder.RIGHT, y, 1.2f);
        for (Section section : sections) {
            if (y - section.height() < BOTTOM) {
                page.line(COLUMN_X, tableTop, COLUMN_X, y, 0.6f);
                page.newPage();
                header.accept(true);
                y = TOP;
                tableTop = y;
                page.line(LayoutBuilder.LEFT, y, LayoutBuilder.RIGHT, y, 1.2f);
            }
            float lineY = y - LINE + 2f;
            for (int i = 0; i < section.labels().size(); i++) {
                page.text(LABEL_X + (i == 0 ? 0f : 10f), lineY - i * LINE, SIZE, section.labels().get(i));
            }
            if (section.mark() != null) {
                float markY = lineY - LINE;
                page.frame(LABEL_X + 2f, markY - 3f, 28f, 14f);
                page.text(LABEL_X + 5f, markY, 9f, section.mark());
            }
            for (int i = 0; i < section.lines().size(); i++) {
                page.text(VALUE_X, lineY - i * LINE, SIZE, section.lines().get(i));
            }
            y -= section.height();
            page.line(LayoutBuilder.LEFT, y, LayoutBuilder.RIGHT, y, section.heavyRuleBelow() ? 1.2f : 0.4f);
        }
        page.line(COLUMN_X, tableTop, COLUMN_X, y, 0.6f);
        page.right(LayoutBuilder.RIGHT - 10f, y - 16f, 10f, "以下余白");
        if (y - 24f < CertificationBlock.TOP) {
            // the certification goes on a sheet of its own, after the last row
            page.newPage();
            header.accept(true);
        }
    }
}
