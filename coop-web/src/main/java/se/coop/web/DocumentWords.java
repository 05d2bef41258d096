package se.coop.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.coop.api.DocumentKind;
import se.coop.api.document.StoredDocument;
import se.coop.api.query.AgreementDocuments;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.PartyStatusView;

/**
 * The documents an agreement names, as its page and dossier say them ({@code @docs}): their kinds, what names each
 * ("Board decision: Laholms kommun, 12 February 2020"), a file's size and what veraPDF found of a PDF.
 */
@Component("docs")
public class DocumentWords {

    private final Words words;
    private final Formats fmt;

    DocumentWords(Words words, Formats fmt) {
        this.words = words;
        this.fmt = fmt;
    }

    public String kinds(List<DocumentKind> kinds) {
        return kinds.stream().map(k -> words.text("documentKind." + k.name())).collect(Collectors.joining(", "));
    }

    /** What names the document, in words: the act, its party and its day. */
    public String use(AgreementDocuments.Use use, AgreementStatusView agreement) {
        String party = use.partyId() == null ? null : partyName(agreement, use.partyId());
        String on = use.on() == null ? "" : fmt.date(use.on());
        return switch (use.act()) {
            case TEXT_VERSION -> words.text("document.use.TEXT_VERSION", use.textVersion());
            case ATTACHED -> words.text("document.use.ATTACHED");
            case SIGNATURE -> words.text("document.use.SIGNATURE", party, on);
            case BOARD_DECISION -> words.text("document.use.BOARD_DECISION", party, on);
            case MEETING -> words.text("document.use.MEETING", on);
        };
    }

    /** A size in bytes as people read it: "4.2 MB", "48 kB", "512 B" ("–" when unknown). */
    public String bytes(Long size) {
        if (size == null) {
            return "–";
        }
        Locale locale = Formats.locale();
        if (size >= 1_000_000) {
            return String.format(locale, "%.1f MB", size / 1_000_000.0);
        }
        if (size >= 1_000) {
            return String.format(locale, "%.0f kB", size / 1_000.0);
        }
        return size + " B";
    }

    /**
     * What an agreement says of a document that the held bytes contradict ({@link
     * AgreementDocuments.NamedDocument#contradictions}): its described type and size, as far as they contradict.
     */
    public String described(AgreementDocuments.NamedDocument document) {
        List<String> said = new java.util.ArrayList<>();
        if (document.contradictions().contains("mediaType")) {
            said.add(document.mediaType());
        }
        if (document.contradictions().contains("size")) {
            said.add(bytes(document.size()));
        }
        return String.join(", ", said);
    }

    /** What veraPDF found: "PDF/A-2b", "claims PDF/A-2b, not compliant", "not PDF/A", "not checked yet" … */
    public String pdfa(StoredDocument.PdfA pdfa) {
        if (pdfa == null) {
            return "";
        }
        String flavour = pdfa.flavour() == null ? "" : pdfa.flavour().toLowerCase(Locale.ROOT);
        return words.text("pdfa." + pdfa.status().name(), flavour);
    }

    private static String partyName(AgreementStatusView agreement, String partyId) {
        if (agreement == null) {
            return partyId;
        }
        return agreement.parties().stream()
                .filter(p -> p.partyId().equals(partyId))
                .map(PartyStatusView::name)
                .findFirst()
                .orElse(partyId);
    }
}
