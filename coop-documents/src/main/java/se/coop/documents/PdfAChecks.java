package se.coop.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.xml.DomXmpParser;
import org.apache.xmpbox.xml.XmpParsingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.processor.reports.enums.JobEndStatus;
import se.coop.api.document.StoredDocument;

/**
 * Whether a PDF is PDF/A, and which part and conformance, as veraPDF finds it: in the background, one PDF at a time on
 * each node, each within {@code coop.documents.pdfa.time-budget} (past it, the validation is cancelled and the answer is
 * UNDETERMINED). A PDF that claims no PDF/A part is a plain PDF: accepted, and said to be so.
 */
@Component
public class PdfAChecks implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PdfAChecks.class);

    private final DocumentStore store;
    private final DocumentSettings settings;
    private final Clock clock;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(daemon("coop-pdfa"));
    private final ScheduledExecutorService budgets =
            Executors.newSingleThreadScheduledExecutor(daemon("coop-pdfa-budget"));
    private final Set<String> queued = ConcurrentHashMap.newKeySet();

    PdfAChecks(DocumentStore store, DocumentSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        VeraGreenfieldFoundryProvider.initialise();
    }

    /** Checks the PDF in the background (once, however often it is asked while it waits). */
    public void check(String sha256) {
        if (queued.add(sha256)) {
            checks.execute(() -> {
                try {
                    store.recordPdfA(sha256, checkNow(sha256));
                } catch (RuntimeException e) {
                    log.warn("The PDF/A check of document {} failed: {}", sha256, e.toString());
                } finally {
                    queued.remove(sha256);
                }
            });
        }
    }

    /** What veraPDF finds of the held PDF now. */
    StoredDocument.PdfA checkNow(String sha256) {
        Path copy = null;
        try {
            copy = Files.createTempFile(settings.spoolDir(), "coop-pdfa-", ".pdf");
            try (OutputStream out = Files.newOutputStream(copy)) {
                DocumentStore.Row row = store.require(sha256);
                store.copy(sha256, 0, row.document().size() - 1, out);
            }
            return validate(copy);
        } catch (IOException e) {
            return result(StoredDocument.PdfAStatus.UNDETERMINED, null, "could not be read: " + e.getMessage());
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException e) {
                    log.debug("Could not delete {}: {}", copy, e.toString());
                }
            }
        }
    }

    private StoredDocument.PdfA validate(Path pdf) {
        PDFAFlavour flavour;
        try {
            flavour = claimed(pdf);
        } catch (IOException | RuntimeException e) {
            return result(
                    StoredDocument.PdfAStatus.UNDETERMINED, null, "its metadata could not be read: " + e.getMessage());
        }
        if (flavour == null) {
            return result(StoredDocument.PdfAStatus.NOT_PDFA, null, "a PDF that claims no PDF/A part");
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(pdf.toFile(), flavour)) {
            PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false);
            ScheduledFuture<?> budget = budgets.schedule(
                    () -> validator.cancelValidation(JobEndStatus.TIMEOUT),
                    settings.pdfa().timeBudget().toMillis(),
                    TimeUnit.MILLISECONDS);
            ValidationResult validation;
            try {
                validation = validator.validate(parser);
            } finally {
                budget.cancel(false);
            }
            String claimed = "PDF/A-" + flavour.getId();
            if (validation.getJobEndStatus() == JobEndStatus.TIMEOUT) {
                return result(
                        StoredDocument.PdfAStatus.UNDETERMINED,
                        flavour.getId(),
                        "claims " + claimed + "; its check did not end within "
                                + settings.pdfa().timeBudget());
            }
            if (validation.isCompliant()) {
                return result(StoredDocument.PdfAStatus.COMPLIANT, flavour.getId(), claimed + ", compliant (veraPDF)");
            }
            return result(
                    StoredDocument.PdfAStatus.NOT_COMPLIANT,
                    flavour.getId(),
                    "claims " + claimed + ", but breaks "
                            + validation.getFailedChecks().size() + " of its rules (veraPDF)");
        } catch (Exception e) {
            return result(StoredDocument.PdfAStatus.UNDETERMINED, flavour.getId(), "veraPDF could not read it: " + e);
        }
    }

    /**
     * The PDF/A part and conformance the PDF claims in its document metadata ({@code pdfaid:part}, {@code
     * pdfaid:conformance}), or null for one that claims none.
     */
    static PDFAFlavour claimed(Path pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDMetadata metadata = document.getDocumentCatalog().getMetadata();
            if (metadata == null) {
                return null;
            }
            XMPMetadata xmp;
            try (InputStream in = metadata.exportXMPMetadata()) {
                xmp = new DomXmpParser().parse(in);
            } catch (XmpParsingException e) {
                return null;
            }
            PDFAIdentificationSchema identification = xmp.getPDFAIdentificationSchema();
            if (identification == null || identification.getPart() == null) {
                return null;
            }
            String conformance = identification.getConformance() == null
                    ? ""
                    : identification.getConformance().toLowerCase(java.util.Locale.ROOT);
            PDFAFlavour flavour = PDFAFlavour.byFlavourId(identification.getPart() + conformance);
            return flavour == PDFAFlavour.NO_FLAVOUR ? null : flavour;
        }
    }

    private StoredDocument.PdfA result(StoredDocument.PdfAStatus status, String flavour, String detail) {
        return new StoredDocument.PdfA(status, flavour, detail, clock.instant());
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
        budgets.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
