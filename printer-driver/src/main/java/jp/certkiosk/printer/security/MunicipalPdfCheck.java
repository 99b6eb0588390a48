package jp.certkiosk.printer.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import jp.certkiosk.printer.PdfParsing;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSObjectKey;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

/**
 * What the kiosk checks in the municipality's PDF before composing a single page: it opens, is
 * not encrypted, has 1 to {@link #MAX_PAGES} pages, every page is A4 portrait, every font is
 * embedded (a printer substituting a font could change a name), and nothing in it can act: no
 * JavaScript, no actions (open, page, annotation or form), no attachments, no forms. The kiosk runs
 * it when the document is reserved, before the resident pays: its size, pages and objects are
 * limited, and whatever goes wrong while reading it is a problem found, never an exception.
 */
public final class MunicipalPdfCheck {
    public static final int MAX_PAGES = 20;
    /** A certificate of 20 pages with its fonts is well under this. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    /** Objects in the file (its cross-reference table). */
    public static final int MAX_OBJECTS = 20_000;
    private static final float TOLERANCE = 2f;
    private static final Set<String> ACTING_KEYS = Set.of("JS", "JavaScript", "OpenAction", "AA", "AcroForm",
            "EmbeddedFiles", "EmbeddedFile", "XFA", "Launch", "RichMedia");
    private static final Set<String> ACTION_TYPES = Set.of("JavaScript", "Launch", "SubmitForm", "ImportData",
            "GoToR", "GoToE", "URI", "Rendition", "RichMediaExecute", "Sound", "Movie");

    private MunicipalPdfCheck() {}

    /** Every problem found; empty when the document may be composed and printed. */
    public static List<String> problems(byte[] pdf) {
        if (pdf == null || pdf.length == 0) {
            return List.of("there is no document");
        }
        if (pdf.length > MAX_BYTES) {
            return List.of("the document has " + pdf.length + " bytes (at most " + MAX_BYTES + ")");
        }
        try (PDDocument document = PdfParsing.load(pdf,
                org.apache.pdfbox.io.MemoryUsageSetting.setupMainMemoryOnly(4L * MAX_BYTES).streamCache)) {
            return problems(document);
        } catch (IOException e) {
            return List.of("the document is not a readable PDF");
        }
    }

    /**
     * The same for a document already parsed: the print path parses the municipality's PDF once,
     * checks it and composes from the same parse (its fonts are then read once, too).
     */
    public static List<String> problems(PDDocument document) {
        List<String> problems = new ArrayList<>();
        try {
            int objects = document.getDocument().getXrefTable().size();
            if (objects > MAX_OBJECTS) {
                problems.add("the document has " + objects + " objects (at most " + MAX_OBJECTS + ")");
                return problems;
            }
            if (document.isEncrypted()) {
                problems.add("the document is encrypted");
                return problems;
            }
            int pages = document.getNumberOfPages();
            if (pages < 1 || pages > MAX_PAGES) {
                problems.add("the document has " + pages + " pages (1 to " + MAX_PAGES + " allowed)");
            }
            int number = 0;
            for (PDPage page : document.getPages()) {
                number++;
                PDRectangle box = page.getMediaBox();
                if (Math.abs(box.getWidth() - PDRectangle.A4.getWidth()) > TOLERANCE
                        || Math.abs(box.getHeight() - PDRectangle.A4.getHeight()) > TOLERANCE
                        || page.getRotation() % 360 != 0) {
                    problems.add("page " + number + " is not A4 portrait");
                }
                checkFonts(page.getResources(), "page " + number, problems, new HashSet<>());
            }
            scanForActions(document, problems);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // a broken or hostile file: whatever the reader trips over, the document is refused
            problems.add("the document is not a readable PDF");
        }
        return problems;
    }

    private static void checkFonts(PDResources resources, String where, List<String> problems, Set<COSBase> seen)
            throws IOException {
        if (resources == null || !seen.add(resources.getCOSObject())) {
            return;
        }
        for (COSName name : resources.getFontNames()) {
            PDFont font = resources.getFont(name);
            if (font != null && !font.isEmbedded()) {
                problems.add(where + ": font " + font.getName() + " is not embedded");
            }
        }
        for (COSName name : resources.getXObjectNames()) {
            PDXObject object = resources.getXObject(name);
            if (object instanceof PDFormXObject form) {
                checkFonts(form.getResources(), where, problems, seen);
            }
        }
    }

    /** Looks at every object of the file, so an action hidden anywhere is found, not only where readers look. */
    private static void scanForActions(PDDocument document, List<String> problems) throws IOException {
        Set<String> found = new java.util.TreeSet<>();
        for (COSObjectKey key : new ArrayList<>(document.getDocument().getXrefTable().keySet())) {
            COSObject object = document.getDocument().getObjectFromPool(key);
            COSBase base = object.getObject();
            if (base instanceof COSDictionary dictionary) {
                inspect(dictionary, found);
            }
        }
        inspect(document.getDocumentCatalog().getCOSObject(), found);
        for (String what : found) {
            problems.add("the document holds " + what);
        }
    }

    private static void inspect(COSDictionary dictionary, Set<String> found) {
        for (COSName key : dictionary.keySet()) {
            if (ACTING_KEYS.contains(key.getName())) {
                found.add(describe(key.getName()));
            }
        }
        COSName type = dictionary.getCOSName(COSName.S);
        if (type != null && ACTION_TYPES.contains(type.getName())) {
            found.add("an action (" + type.getName() + ")");
        }
        COSName subtype = dictionary.getCOSName(COSName.SUBTYPE);
        if (subtype != null && ("FileAttachment".equals(subtype.getName()) || "Widget".equals(subtype.getName()))) {
            found.add(describe(subtype.getName()));
        }
        if (COSName.getPDFName("Filespec").equals(dictionary.getCOSName(COSName.TYPE))) {
            found.add("an attachment");
        }
    }

    private static String describe(String key) {
        return switch (key) {
            case "JS", "JavaScript" -> "JavaScript";
            case "OpenAction", "AA" -> "an automatic action";
            case "AcroForm", "XFA", "Widget" -> "a form";
            case "EmbeddedFiles", "EmbeddedFile", "FileAttachment" -> "an attachment";
            default -> "active content (" + key + ")";
        };
    }
}
