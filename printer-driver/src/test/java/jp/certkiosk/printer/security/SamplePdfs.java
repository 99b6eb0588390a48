package jp.certkiosk.printer.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small PDFs shaped like (or unlike) what a municipality sends. */
public final class SamplePdfs {
    private SamplePdfs() {}

    /** A4 pages of text in embedded IPAex Mincho, each naming its page. */
    public static byte[] certificate(int pages, String line) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDType0Font font = PDType0Font.load(document, AntiForgeryComposer.IPAEX_MINCHO.toFile());
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    content.beginText();
                    content.setFont(font, 20f);
                    content.newLineAtOffset(150f, 770f);
                    content.showText("住民票の写し");
                    content.setFont(font, 13f);
                    for (int k = 0; k < 12; k++) {
                        content.newLineAtOffset(0f, -40f);
                        content.showText(line + "　" + (i + 1) + "ページ " + k + "行目");
                    }
                    content.endText();
                    content.setLineWidth(1.5f);
                    content.addRect(60f, 80f, 470f, 660f);
                    content.stroke();
                }
            }
            return save(document);
        }
    }

    /** A page in a font the printer would have to substitute. */
    public static byte[] withUnembeddedFont() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12f);
                content.newLineAtOffset(100f, 700f);
                content.showText("not embedded");
                content.endText();
            }
            return save(document);
        }
    }

    public static byte[] letterSize() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.LETTER));
            return save(document);
        }
    }

    public static byte[] withJavaScript() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            document.getDocumentCatalog().setOpenAction(
                    new org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript("app.alert('hi')"));
            return save(document);
        }
    }

    public static byte[] withAttachment() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            var spec = new org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification();
            spec.setFile("payload.txt");
            var file = new org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile(document,
                    new java.io.ByteArrayInputStream("x".getBytes()));
            spec.setEmbeddedFile(file);
            var tree = new org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode();
            tree.setNames(java.util.Map.of("payload.txt", spec));
            var names = new org.apache.pdfbox.pdmodel.PDDocumentNameDictionary(document.getDocumentCatalog());
            names.setEmbeddedFiles(tree);
            document.getDocumentCatalog().setNames(names);
            return save(document);
        }
    }

    /** One empty A4 page: what is left is the kiosk's own composition. */
    public static byte[] blank() throws IOException {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage(PDRectangle.A4));
            return save(document);
        }
    }

    public static byte[] pages(int count) throws IOException {
        return certificate(count, "ページ");
    }

    static byte[] save(PDDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.save(out);
        return out.toByteArray();
    }
}
