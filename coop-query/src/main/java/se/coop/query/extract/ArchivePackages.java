package se.coop.query.extract;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.document.DamagedDocument;
import se.coop.api.document.Documents;
import se.coop.api.document.FileTypes;
import se.coop.api.document.StoredDocument;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.HistoryEntry;
import se.coop.api.query.PartyStatusView;
import se.coop.query.audit.EventLog;
import tools.jackson.databind.json.JsonMapper;

/**
 * An agreement's e-archive package: a ZIP laid out as an E-ARK SIP (CSIP/SIP 2.1.0, on which FGS Paketstruktur 2.0
 * builds) under one folder named as the package's OBJID —
 *
 * <pre>
 * METS.xml                                  every file below with its SHA-256 and size
 * metadata/descriptive/erms.xml             the agreement as a case (CITS ERMS / FGS Ärendehantering)
 * metadata/preservation/premis.xml          fixity of every file, the verified chain and its head hash
 * representations/rep1/METS.xml
 * representations/rep1/data/events.jsonl    the raw events, bytes verbatim (base64), one per line
 * representations/rep1/data/history.sv.txt  the history in words
 * representations/rep1/data/dossier.pdf     the audit dossier, PDF/A-2b
 * representations/rep1/data/documents.json  every document the agreement names, held or only named, with its SHA-256
 * representations/rep1/data/documents/…     each document Coop holds, as uploaded (SHA-256 and an extension)
 * representations/rep1/data/checkpoint.json the latest signed checkpoint that covers the agreement (when one does)
 * representations/rep1/data/proof.json      the agreement's audit path in it
 * </pre>
 *
 * A package of an agreement not archived is a preliminary extract, marked so in METS (its label and
 * RECORDSTATUS="TEST") and in PREMIS.
 */
@Component
public class ArchivePackages {

    static final String SOFTWARE_VERSION = se.coop.api.CoopVersion.VERSION;

    private final Dossiers dossiers;
    private final ObjectProvider<DossierRenderer> renderer;
    private final ObjectProvider<Documents> documents;
    private final JsonMapper json;

    ArchivePackages(
            Dossiers dossiers,
            ObjectProvider<DossierRenderer> renderer,
            ObjectProvider<Documents> documents,
            JsonMapper json) {
        this.dossiers = dossiers;
        this.documents = documents;
        this.renderer = renderer;
        this.json = json;
    }

    /** The package's folder and OBJID for an agreement. */
    static String objectId(AgreementId id) {
        return "uuid-" + id;
    }

    /**
     * Writes the package of {@code id} to {@code out}; {@code onlyArchived}: refuse (409 AGREEMENT_NOT_ARCHIVED) an
     * agreement that is not archived, else package it as a preliminary extract. Returns whether it was preliminary.
     */
    public boolean write(AgreementId id, boolean onlyArchived, String extractedBy, OutputStream out)
            throws IOException {
        Prepared prepared = prepare(id, onlyArchived, extractedBy);
        prepared.check();
        prepared.writeTo(out, DossierRenderer.Progress.NONE);
        return prepared.preliminary();
    }

    /**
     * The package of {@code id}, ready to be written: whether it is a preliminary extract (and so its file name) is
     * known before any of it is, and a refusal (409 AGREEMENT_NOT_ARCHIVED; 500 DOCUMENT_DAMAGED for a document it
     * would carry that is damaged: {@link Prepared#check()} reads and checks each first) comes before anything is sent.
     */
    public Prepared prepare(AgreementId id, boolean onlyArchived, String extractedBy) {
        Dossier dossier = dossiers.of(id, null, null, "sv", extractedBy);
        boolean preliminary = dossier.agreement().state() != AgreementState.ARCHIVED;
        if (preliminary && onlyArchived) {
            throw new CoopProblem(
                    ErrorCode.AGREEMENT_NOT_ARCHIVED,
                    "Agreement " + id + " is " + dossier.agreement().state()
                            + ", not archived: its archive package is made once it is archived (an operator may take"
                            + " a preliminary extract).");
        }
        return new Prepared(id, dossier, preliminary);
    }

    /** A package about to be written: its agreement, dossier and whether it is a preliminary extract. */
    public final class Prepared {

        private final AgreementId id;
        private final Dossier dossier;
        private final boolean preliminary;

        private Prepared(AgreementId id, Dossier dossier, boolean preliminary) {
            this.id = id;
            this.dossier = dossier;
            this.preliminary = preliminary;
        }

        public boolean preliminary() {
            return preliminary;
        }

        /** The ZIP's file name: the package's OBJID, marked when it is a preliminary extract. */
        public String fileName() {
            return objectId(id) + (preliminary ? "-preliminary" : "") + ".zip";
        }

        /**
         * Reads and checks every document the package will carry: one found damaged refuses the package (500
         * DOCUMENT_DAMAGED) before any of it is sent, rather than cutting it off halfway.
         */
        public void check() {
            try {
                check(DossierRenderer.Progress.NONE);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** {@link #check()}, telling {@code progress} after each document (none of its steps done yet). */
        public void check(DossierRenderer.Progress progress) throws IOException {
            int steps = steps();
            for (AgreementDocuments.NamedDocument document : dossier.documents().documents()) {
                if (document.held() && document.stored().damaged() != null) {
                    throw new DamagedDocument(
                            document.sha256(), document.stored().damaged());
                }
                if (document.held()) {
                    store().verify(document.sha256());
                    progress.partDone(0, steps);
                }
            }
        }

        /** The parts its dossier is rendered in. */
        public int parts() {
            return pdf().parts(dossier);
        }

        /** The rows of its dossier. */
        public int rows() {
            return pdf().rows(dossier);
        }

        /** The bytes of the documents it carries. */
        public long documentBytes() {
            return held(dossier).stream().mapToLong(StoredDocument::size).sum();
        }

        /** Its steps, as {@link #writeTo} tells them: the dossier's parts, then each document it carries. */
        public int steps() {
            return parts() + held(dossier).size();
        }

        /**
         * Writes the package as a ZIP: the dossier rendered first (to a temporary file, part by part), then the
         * documents streamed from the store as it goes; {@code progress} told after each step ({@link #steps()}).
         */
        public void writeTo(OutputStream out, DossierRenderer.Progress progress) throws IOException {
            ArchivePackages.this.writeTo(id, dossier, preliminary, out, progress);
        }
    }

    private DossierRenderer pdf() {
        DossierRenderer pdf = renderer.getIfAvailable();
        if (pdf == null) {
            throw new IllegalStateException("no dossier renderer: the archive package needs the dossier as PDF");
        }
        return pdf;
    }

    private static List<StoredDocument> held(Dossier dossier) {
        return dossier.documents().documents().stream()
                .filter(AgreementDocuments.NamedDocument::held)
                .map(AgreementDocuments.NamedDocument::stored)
                .toList();
    }

    private void writeTo(
            AgreementId id, Dossier dossier, boolean preliminary, OutputStream out, DossierRenderer.Progress progress)
            throws IOException {
        Path pdfFile = ExtractFiles.create("package-dossier-", ".pdf");
        try {
            try (OutputStream pdfOut = new BufferedOutputStream(Files.newOutputStream(pdfFile))) {
                pdf().pdf(dossier, pdfOut, progress);
            }
            writeTo(id, dossier, preliminary, pdfFile, out, progress);
        } finally {
            Files.deleteIfExists(pdfFile);
        }
    }

    private void writeTo(
            AgreementId id,
            Dossier dossier,
            boolean preliminary,
            Path pdfFile,
            OutputStream out,
            DossierRenderer.Progress progress)
            throws IOException {
        int parts = pdf().parts(dossier);
        int steps = parts + held(dossier).size();
        OffsetDateTime created = dossier.extractedAt().atZone(BusinessTime.ZONE).toOffsetDateTime();
        String objectId = objectId(id);
        Mets.Header header = new Mets.Header(
                objectId,
                (preliminary ? "Preliminärt uttag, ej arkiverat: " : "") + title(dossier),
                created,
                preliminary,
                SOFTWARE_VERSION,
                lead(dossier),
                lead(dossier));

        List<PackageFile> data = new ArrayList<>(List.of(
                PackageFile.of("data/events.jsonl", events(dossier.events()), "text/plain", PackageFile.JSON_LINES),
                PackageFile.of("data/history.sv.txt", history(dossier), "text/plain", PackageFile.TEXT),
                PackageFile.of("data/dossier.pdf", pdfFile, "application/pdf", PackageFile.PDF_A_2B),
                PackageFile.of(
                        "data/documents.json",
                        json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dossier.documents()),
                        "application/json",
                        PackageFile.JSON)));
        // every document Coop holds of those the agreement names, in its bytes, read from the store as the package is
        // written (each chunk checked against its hash); those only named, or culled, are in documents.json alone
        for (AgreementDocuments.NamedDocument document : dossier.documents().documents()) {
            if (document.held()) {
                data.add(document(document.stored()));
            }
        }
        if (dossier.checkpoint() != null && dossier.proof() != null) {
            // the latest checkpoint that covers the agreement and the proof in it: the package alone is enough for the
            // offline verifier (docs/audit.md)
            data.add(PackageFile.of(
                    "data/checkpoint.json",
                    json.writeValueAsBytes(dossier.checkpoint()),
                    "application/json",
                    PackageFile.JSON));
            data.add(PackageFile.of(
                    "data/proof.json",
                    json.writerWithDefaultPrettyPrinter().writeValueAsBytes(dossier.proof()),
                    "application/json",
                    PackageFile.JSON));
        }
        String representationFolder = "representations/" + Mets.REPRESENTATION + "/";
        PackageFile representationMets =
                PackageFile.xml(representationFolder + "METS.xml", Mets.representation(header, data));
        List<PackageFile> all = new ArrayList<>();
        for (PackageFile f : data) {
            all.add(f.at(representationFolder + f.path()));
        }
        all.add(representationMets);
        PackageFile erms = PackageFile.xml("metadata/descriptive/erms.xml", Erms.document(dossier, header));
        List<PackageFile> fixed = new ArrayList<>(all);
        fixed.add(erms);
        PackageFile premis =
                PackageFile.xml("metadata/preservation/premis.xml", Premis.document(dossier, header, fixed));
        all.add(erms);
        all.add(premis);
        PackageFile rootMets = PackageFile.xml("METS.xml", Mets.root(header, erms, premis, representationMets));
        all.add(0, rootMets);

        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        int done = parts;
        for (PackageFile f : all) {
            ZipEntry entry = new ZipEntry(objectId + "/" + f.path());
            entry.setTime(dossier.extractedAt().toEpochMilli());
            zip.putNextEntry(entry);
            f.content().writeTo(zip);
            zip.closeEntry();
            if (f.path().startsWith(representationFolder + "data/documents/")) {
                progress.partDone(++done, steps);
            }
        }
        zip.finish();
    }

    private Documents store() {
        Documents store = documents.getIfAvailable();
        if (store == null) {
            throw new IllegalStateException("no document store: the archive package carries the documents it holds");
        }
        return store;
    }

    private PackageFile document(StoredDocument stored) {
        Documents store = store();
        return new PackageFile(
                "data/documents/" + stored.sha256() + FileTypes.extension(stored.mediaType()),
                stored.mediaType(),
                Pronom.of(stored),
                stored.size(),
                stored.sha256(),
                stored.fileName(),
                stored.uploadedAt().atZone(BusinessTime.ZONE).toOffsetDateTime(),
                out -> store.copy(stored.sha256(), out));
    }

    private byte[] events(List<EventLog.StoredEvent> events) {
        StringBuilder lines = new StringBuilder();
        for (EventLog.StoredEvent event : events) {
            lines.append(json.writeValueAsString(event)).append('\n');
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] history(Dossier dossier) {
        StringBuilder text = new StringBuilder();
        text.append(title(dossier)).append('\n');
        text.append("Avtal ").append(dossier.agreementId()).append(" – historik, äldst först\n\n");
        for (HistoryEntry entry : dossier.history()) {
            text.append(entry.recordedAt()).append("  ").append(entry.summary());
            if (entry.reference() != null) {
                text.append(" – ").append(entry.reference());
            }
            text.append(" (").append(entry.actor());
            if (entry.role() != null) {
                text.append(", ").append(entry.role());
            }
            text.append(")\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String title(Dossier dossier) {
        return dossier.agreement().title().in("sv");
    }

    private static String lead(Dossier dossier) {
        return dossier.agreement().parties().stream()
                .filter(PartyStatusView::lead)
                .map(PartyStatusView::name)
                .findFirst()
                .orElse(
                        dossier.agreement().parties().isEmpty()
                                ? "Coop"
                                : dossier.agreement().parties().get(0).name());
    }
}
