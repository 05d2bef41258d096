package se.coop.web.extract;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PDFontSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.context.ApplicationContext;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import se.coop.api.FocusArea;
import se.coop.query.extract.Dossier;
import se.coop.query.extract.DossierRenderer;
import se.coop.query.extract.ExtractFiles;
import se.coop.web.Formats;
import se.coop.web.Languages;

/**
 * Renders a dossier through the template {@code dossier.html} (the pages' engine, messages and formats) and
 * openhtmltopdf into PDF/A-2b: the Liberation fonts embedded (every character, å ä ö æ ø included, comes from them),
 * the sRGB output intent and the XMP identification PDF/A asks for.
 */
@Component
public class DossierPdf implements DossierRenderer {

    private static final String FONTS = "/liberation/";
    private static final Map<String, String> FAMILIES = Map.of(
            "Liberation Sans", "LiberationSans",
            "Liberation Mono", "LiberationMono");

    private final ISpringTemplateEngine templates;
    private final ApplicationContext context;
    private final ConversionService conversions;
    private final Formats fmt;
    private final int rows;

    /** The page numbers: 8 pt, #555, right-aligned on the footer's line (16 mm from the right edge). */
    private static final float PAGE_NUMBER_SIZE = 8;

    private static final float FOOTER_GREY = 0x55 / 255f;
    private static final float RIGHT_MARGIN = 16 * 72 / 25.4f;
    private static final float PAGE_NUMBER_BASELINE = 25.65f;
    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    DossierPdf(
            ISpringTemplateEngine templates,
            ApplicationContext context,
            org.springframework.beans.factory.ObjectProvider<ConversionService> conversions,
            Formats fmt,
            @org.springframework.beans.factory.annotation.Value(
                            "${coop.extracts.dossier-part-rows:" + DossierParts.ROWS + "}")
                    int rows) {
        this.rows = rows;
        this.templates = templates;
        this.context = context;
        this.conversions = conversions.getIfAvailable();
        this.fmt = fmt;
    }

    static {
        XRLog.setLoggingEnabled(false);
    }

    @Override
    public int parts(Dossier dossier) {
        return DossierParts.of(dossier, rows).parts().size();
    }

    @Override
    public int rows(Dossier dossier) {
        return DossierParts.of(dossier, rows).rows();
    }

    /**
     * Renders the dossier part by part ({@link DossierParts}), each part to a temporary file, so that memory is taken
     * for one part at a time; then joins the parts on temporary files (PDFBox's stream cache on disk), numbers every
     * page ("3 / 120", in the footer's font, where the page's margin has room) and writes the whole to {@code out}. The
     * first part's catalog — the PDF/A identification, the XMP, the sRGB output intent — is the document's.
     */
    @Override
    public void pdf(Dossier dossier, OutputStream out, Progress progress) throws IOException {
        Locale locale = switch (dossier.lang()) {
            case "en" -> Locale.ENGLISH;
            case "da" -> Languages.DANISH;
            default -> Languages.SWEDISH;
        };
        List<DossierParts.Part> parts = DossierParts.of(dossier, rows).parts();
        List<Path> files = new ArrayList<>();
        try {
            for (DossierParts.Part part : parts) {
                Path file = ExtractFiles.create("dossier-part-", ".pdf");
                files.add(file);
                String html = html(dossier, locale, part);
                try (OutputStream partOut = new BufferedOutputStream(Files.newOutputStream(file))) {
                    pdfA(html, partOut);
                }
                progress.partDone(files.size(), parts.size());
            }
            join(files, out);
        } finally {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private String html(Dossier dossier, Locale locale, DossierParts.Part part) {
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        try {
            LocaleContextHolder.setLocale(locale);
            Context variables = new Context(locale);
            variables.setVariable(
                    ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(context, conversions));
            variables.setVariable("d", dossier);
            variables.setVariable("part", part);
            variables.setVariable("lang", dossier.lang());
            variables.setVariable(
                    "focusAreas",
                    dossier.agreement().focusAreas().isEmpty()
                            ? "–"
                            : dossier.agreement().focusAreas().stream()
                                    .map(FocusArea::title)
                                    .map(fmt::title)
                                    .collect(Collectors.joining(", ")));
            return templates.process("dossier", variables);
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
    }

    /** Joins the parts' files into one document, numbers its pages and writes it. */
    static void join(List<Path> parts, OutputStream out) throws IOException {
        try (PDDocument whole = Loader.loadPDF(parts.get(0).toFile(), IOUtils.createTempFileOnlyStreamCache())) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (Path part : parts.subList(1, parts.size())) {
                // each part's pages are copied into the whole (their streams into its cache on disk), so the part can
                // be closed at once
                try (PDDocument next = Loader.loadPDF(part.toFile(), IOUtils.createTempFileOnlyStreamCache())) {
                    merger.appendDocument(whole, next);
                }
            }
            // the first part's trailer was a cross-reference stream's dictionary: written as a classic trailer it keeps
            // only what a trailer holds
            COSDictionary trailer = whole.getDocument().getTrailer();
            for (COSName streamOnly : List.of(
                    COSName.TYPE,
                    COSName.W,
                    COSName.INDEX,
                    COSName.FILTER,
                    COSName.DECODE_PARMS,
                    COSName.LENGTH,
                    COSName.PREV,
                    COSName.XREF_STM)) {
                trailer.removeItem(streamOnly);
            }
            whole.setVersion(1.7f);
            List<TrueTypeFont> fonts = new ArrayList<>();
            try {
                number(whole, fonts);
                // a classic cross-reference table: the answer's padding (PdfWhileMade) moves it by a known number of
                // bytes
                whole.save(out, CompressParameters.NO_COMPRESSION);
            } finally {
                for (TrueTypeFont font : fonts) {
                    font.close();
                }
            }
        }
    }

    /** Writes "n / total" at the bottom right of every page, where the footer's line is, in its font and colour. */
    private static void number(PDDocument document, List<TrueTypeFont> fonts) throws IOException {
        PDType0Font font = font(document, fonts, "LiberationSans-Regular.ttf");
        int total = document.getNumberOfPages();
        int n = 0;
        for (PDPage page : document.getPages()) {
            n++;
            String text = n + " / " + total;
            PDRectangle box = page.getMediaBox();
            float width = font.getStringWidth(text) / 1000 * PAGE_NUMBER_SIZE;
            try (PDPageContentStream content =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                content.beginText();
                content.setFont(font, PAGE_NUMBER_SIZE);
                content.setNonStrokingColor(FOOTER_GREY, FOOTER_GREY, FOOTER_GREY);
                content.newLineAtOffset(
                        box.getUpperRightX() - RIGHT_MARGIN - width, box.getLowerLeftY() + PAGE_NUMBER_BASELINE);
                content.showText(text);
                content.endText();
            }
        }
    }

    /**
     * Renders XHTML into PDF/A-2b as the dossier is rendered: the Liberation fonts embedded and subset, the sRGB output
     * intent and the XMP identification (the demo data's illustrative documents are made the same way).
     */
    public static void pdfA(String html, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
        builder.useColorProfile(SRGB);
        PDDocument document = new PDDocument();
        List<TrueTypeFont> fonts = new ArrayList<>();
        try {
            builder.usePDDocument(document);
            for (Map.Entry<String, String> family : FAMILIES.entrySet()) {
                String file = family.getValue();
                font(builder, document, fonts, family.getKey(), file + "-Regular.ttf", 400, FontStyle.NORMAL);
                font(builder, document, fonts, family.getKey(), file + "-Bold.ttf", 700, FontStyle.NORMAL);
                font(builder, document, fonts, family.getKey(), file + "-Italic.ttf", 400, FontStyle.ITALIC);
            }
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            // saves and closes the document
            builder.run();
        } finally {
            document.close();
            for (TrueTypeFont font : fonts) {
                font.close();
            }
        }
    }

    private static void font(
            PdfRendererBuilder builder,
            PDDocument document,
            List<TrueTypeFont> fonts,
            String family,
            String file,
            int weight,
            FontStyle style)
            throws IOException {
        builder.useFont(new PDFontSupplier(font(document, fonts, file)), family, weight, style, true);
    }

    /**
     * One of the Liberation fonts, to be embedded in {@code document} as a subset: without its glyph substitutions
     * (GSUB). PDFBox applies them itself to every run of text, building a regular expression for each (the profile of a
     * large dossier's render found 83 % of its time there, docs/performance.md), and a ligature it substitutes has no
     * character in the subset's ToUnicode map, so the text could not be searched; the dossier's Latin text needs none.
     * The font is closed in {@code fonts} once the document is saved.
     */
    private static PDType0Font font(PDDocument document, List<TrueTypeFont> fonts, String file) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(FONT_FILES.get(file)));
        fonts.add(font);
        font.setEnableGsub(false);
        return PDType0Font.load(document, font, true);
    }

    /** The fonts' files, read once. */
    private static final Map<String, byte[]> FONT_FILES = fontFiles();

    private static Map<String, byte[]> fontFiles() {
        Map<String, byte[]> files = new java.util.HashMap<>();
        for (String family : FAMILIES.values()) {
            for (String face : List.of("-Regular.ttf", "-Bold.ttf", "-Italic.ttf")) {
                try (InputStream in = font(family + face)) {
                    files.put(family + face, in.readAllBytes());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return Map.copyOf(files);
    }

    private static InputStream font(String file) throws IOException {
        InputStream in = DossierPdf.class.getResourceAsStream(FONTS + file);
        if (in == null) {
            throw new IOException("font " + file + " is not on the classpath");
        }
        return in;
    }
}
