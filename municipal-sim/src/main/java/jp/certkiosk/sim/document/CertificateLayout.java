package jp.certkiosk.sim.document;

import java.util.List;

/** A certificate laid out as A4 pages of positioned elements, with the title for the PDF's metadata. */
record CertificateLayout(String title, List<List<PageElement>> pages) {
    CertificateLayout {
        pages = pages.stream().map(List::copyOf).toList();
    }

    /** Every text drawn anywhere in the certificate. */
    List<String> texts() {
        return pages.stream().flatMap(List::stream)
                .filter(PageElement.Text.class::isInstance)
                .map(element -> ((PageElement.Text) element).text())
                .toList();
    }
}
