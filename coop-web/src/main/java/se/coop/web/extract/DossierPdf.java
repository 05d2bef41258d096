package se.coop.web.extract;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
    private static final byte[] SRGB =
            ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    DossierPdf(
            ISpringTemplateEngine templates,
            ApplicationContext context,
            org.springframework.beans.factory.ObjectProvider<ConversionService> conversions,
            Formats fmt) {
        this.templates = templates;
        this.context = context;
        this.conversions = conversions.getIfAvailable();
        this.fmt = fmt;
    }

    static {
        XRLog.setLoggingEnabled(false);
    }

    @Override
    public void pdf(Dossier dossier, OutputStream out) throws IOException {
        Locale locale = switch (dossier.lang()) {
            case "en" -> Locale.ENGLISH;
            case "da" -> Languages.DANISH;
            default -> Languages.SWEDISH;
        };
        LocaleContext before = LocaleContextHolder.getLocaleContext();
        String html;
        try {
            LocaleContextHolder.setLocale(locale);
            Context variables = new Context(locale);
            variables.setVariable(
                    ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                    new ThymeleafEvaluationContext(context, conversions));
            variables.setVariable("d", dossier);
            variables.setVariable("lang", dossier.lang());
            variables.setVariable(
                    "focusAreas",
                    dossier.agreement().focusAreas().isEmpty()
                            ? "–"
                            : dossier.agreement().focusAreas().stream()
                                    .map(FocusArea::title)
                                    .map(fmt::title)
                                    .collect(Collectors.joining(", ")));
            html = templates.process("dossier", variables);
        } finally {
            LocaleContextHolder.setLocaleContext(before);
        }
        pdfA(html, out);
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
        FAMILIES.forEach((family, file) -> {
            font(builder, family, file + "-Regular.ttf", 400, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, family, file + "-Bold.ttf", 700, BaseRendererBuilder.FontStyle.NORMAL);
            font(builder, family, file + "-Italic.ttf", 400, BaseRendererBuilder.FontStyle.ITALIC);
        });
        builder.withHtmlContent(html, null);
        builder.toStream(out);
        builder.run();
    }

    private static void font(
            PdfRendererBuilder builder, String family, String file, int weight, BaseRendererBuilder.FontStyle style) {
        builder.useFont(
                () -> {
                    InputStream in = DossierPdf.class.getResourceAsStream(FONTS + file);
                    if (in == null) {
                        throw new UncheckedIOException(new IOException("font " + file + " is not on the classpath"));
                    }
                    return in;
                },
                family,
                weight,
                style,
                true);
    }
}
