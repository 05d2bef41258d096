package se.coop.query.open;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import se.coop.api.AgreementId;
import se.coop.api.AgreementState;
import se.coop.api.LocalizedText;
import se.coop.api.query.AgreementRecords;
import se.coop.api.query.AgreementStatusView;
import se.coop.api.query.FindAgreementRecords;
import se.coop.api.query.ListAgreements;
import se.coop.api.query.PartyStatusView;
import se.coop.query.QueryNode;
import se.coop.query.extract.CsvLines;
import se.coop.query.status.StatusQueries;
import tools.jackson.databind.json.JsonMapper;

/**
 * The open register (docs/open-data.md): every agreement past drafting as {@link OpenAgreement}, built from the status
 * read model and each agreement's records, and kept — with its JSON-LD and CSV — for {@code coop.open-data.cache-for}
 * before it is built again; one build at a time, the askers meanwhile served what was built before (or waiting for the
 * first).
 */
@QueryNode
@Component
public class OpenRegister {

    /**
     * The register as built at one moment; its agreements' URIs are paths ({@code /open/agreements/<id>}) until they
     * are written out under an address ({@link #forms}).
     */
    record Snapshot(
            Instant builtAt,
            /* when the register last changed: the latest change of an agreement in it, or the build that first found
            it changed otherwise (an agreement gone from it) */
            Instant modified,
            LocalDate firstDay,
            List<String> countries,
            Map<String, OpenAgreement> agreements,
            String digest) {

        /** The entity tag of every answer made from this snapshot: a digest of its content, whenever it was built. */
        String etag() {
            return "\"" + digest + "\"";
        }
    }

    /** The register written out under one address: JSON-LD, the agreements' and the decisions' CSV. */
    record Forms(String base, Snapshot snapshot, Form jsonLd, Form csv, Form decisionsCsv) {}

    /** One form's bytes and its entity tag. */
    record Form(byte[] bytes, String etag) {
        static Form of(byte[] bytes) {
            return new Form(bytes, OpenRegister.etag(bytes));
        }
    }

    /** An entity tag of {@code bytes}: the first 128 bits of their SHA-256, in quotes. */
    static String etag(byte[] bytes) {
        try {
            return "\""
                    + java.util.HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(bytes))
                            .substring(0, 32)
                    + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final StatusQueries status;
    private final OpenDataSettings settings;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Object building = new Object();
    private volatile Snapshot current;
    /** The forms of the current snapshot under the last few addresses asked for (a Host header names one). */
    private final Map<String, Forms> forms = java.util.Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Forms> eldest) {
            return size() > 4;
        }
    });

    OpenRegister(StatusQueries status, OpenDataSettings settings, Clock clock) {
        this.status = status;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Whether an agreement is in the open register: once its text went out for approval — awaiting approval, in
     * force, terminated, expired (in force or not: rule 6), or archived after it ended so. A draft, and one abandoned
     * (archived or not), are not.
     */
    static boolean listed(AgreementStatusView agreement) {
        AgreementState state = agreement.state();
        return switch (state) {
            case AWAITING_APPROVAL, IN_FORCE, TERMINATED, EXPIRED -> true;
            // an agreement that ended (terminated or expired) has the day it ended; an abandoned one has none
            case ARCHIVED -> agreement.endedOn() != null;
            case DRAFT, ABANDONED -> false;
        };
    }

    /** The register, built now if what was built is too old. */
    Snapshot snapshot() {
        Snapshot snapshot = current;
        if (fresh(snapshot)) {
            return snapshot;
        }
        synchronized (building) {
            snapshot = current;
            if (fresh(snapshot)) {
                return snapshot;
            }
            Snapshot previous = current;
            snapshot = build();
            if (previous != null
                    && !previous.digest().equals(snapshot.digest())
                    && !snapshot.modified().isAfter(previous.modified())) {
                // changed, yet no agreement in it newer: one left the register (back to a draft, abandoned)
                snapshot = new Snapshot(
                        snapshot.builtAt(),
                        snapshot.builtAt(),
                        snapshot.firstDay(),
                        snapshot.countries(),
                        snapshot.agreements(),
                        snapshot.digest());
            } else if (previous != null && previous.digest().equals(snapshot.digest())) {
                snapshot = new Snapshot(
                        snapshot.builtAt(),
                        previous.modified(),
                        snapshot.firstDay(),
                        snapshot.countries(),
                        snapshot.agreements(),
                        snapshot.digest());
            }
            current = snapshot;
            forms.clear();
            return snapshot;
        }
    }

    private boolean fresh(Snapshot snapshot) {
        return snapshot != null && clock.instant().isBefore(snapshot.builtAt().plus(settings.cacheFor()));
    }

    /** The register written out with URIs under {@code base}, as the address a reader used names it. */
    Forms forms(String base) {
        Snapshot snapshot = snapshot();
        Forms written = forms.get(base);
        if (written != null && written.snapshot() == snapshot) {
            return written;
        }
        List<OpenAgreement> list =
                snapshot.agreements().values().stream().map(a -> a.under(base)).toList();
        written =
                new Forms(base, snapshot, Form.of(jsonLd(base, list)), Form.of(csv(list)), Form.of(decisionsCsv(list)));
        forms.put(base, written);
        return written;
    }

    /** The address of an agreement in the open register: stable, by its id. */
    static String path(String agreementId) {
        return "/open/agreements/" + agreementId;
    }

    private Snapshot build() {
        Instant builtAt = clock.instant();
        List<AgreementStatusView> views = new ArrayList<>();
        status.forEach(new ListAgreements(null, null, null, null, null, 0, 1), view -> {
            if (listed(view)) {
                views.add(view);
            }
        });
        Map<String, OpenAgreement> agreements = new LinkedHashMap<>();
        for (AgreementStatusView view : views) {
            List<OpenAgreement.Decision> decisions = status.records(
                            new FindAgreementRecords(AgreementId.of(view.agreementId()), null, null))
                    .map(records -> decisions(view, records))
                    .orElse(List.of());
            agreements.put(view.agreementId(), agreement(view, decisions));
        }
        Instant modified = views.stream()
                .map(AgreementStatusView::updatedAt)
                .max(Comparator.naturalOrder())
                .orElse(builtAt);
        LocalDate firstDay = views.stream()
                .map(view -> view.effectiveFrom() != null ? view.effectiveFrom() : view.latestDecisionOn())
                .filter(day -> day != null)
                .min(Comparator.naturalOrder())
                .orElse(null);
        List<String> countries = views.stream()
                .flatMap(view -> view.parties().stream())
                .map(PartyStatusView::country)
                .distinct()
                .sorted()
                .toList();
        String digest;
        try {
            digest = java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(json.writeValueAsBytes(agreements.values())))
                    .substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Snapshot(
                builtAt, modified, firstDay, countries, java.util.Collections.unmodifiableMap(agreements), digest);
    }

    private static OpenAgreement agreement(AgreementStatusView view, List<OpenAgreement.Decision> decisions) {
        return new OpenAgreement(
                path(view.agreementId()),
                "Agreement",
                view.agreementId(),
                languages(view.title()),
                view.kind().name(),
                view.state().name(),
                view.binding(),
                view.effectiveFrom(),
                view.endedOn(),
                view.terminatesOn(),
                view.focusAreas() == null
                        ? List.of()
                        : view.focusAreas().stream()
                                .map(area -> new OpenAgreement.Track(area.code(), languages(area.title())))
                                .toList(),
                view.parties().stream()
                        .map(party -> new OpenAgreement.Organisation(
                                "Organization",
                                party.partyId(),
                                party.name(),
                                party.kind().name(),
                                party.country(),
                                party.adoptingBody(),
                                party.lead(),
                                party.participation(),
                                party.leavesOn()))
                        .toList(),
                decisions,
                view.nextReview() == null || view.nextReview().startsAt() == null
                        ? null
                        : view.nextReview().startsAt().toLocalDate(),
                view.nextReview() == null ? null : view.nextReview().kind().name(),
                view.reviewDueOn(),
                view.updatedAt());
    }

    private static List<OpenAgreement.Decision> decisions(AgreementStatusView view, AgreementRecords records) {
        return records.decisions().stream()
                .map(d -> new OpenAgreement.Decision(
                        "BoardDecision",
                        d.decisionId(),
                        d.partyId(),
                        d.partyName(),
                        d.body(),
                        d.outcome() == null ? null : d.outcome().name(),
                        d.decidedOn(),
                        d.caseNumber(),
                        d.paragraph(),
                        d.textVersion(),
                        d.counts(),
                        d.minutesPostedOn(),
                        d.appealWindowEndsOn(),
                        d.finality(),
                        d.legallyFinalOn(),
                        d.appeals() == null || d.appeals().isEmpty()
                                ? null
                                : d.appeals().stream()
                                        .map(a -> new OpenAgreement.Appeal(
                                                "Appeal",
                                                a.outcome() == null
                                                        ? null
                                                        : a.outcome().name(),
                                                a.on(),
                                                a.court(),
                                                a.caseNumber()))
                                        .toList()))
                .toList();
    }

    private static Map<String, String> languages(LocalizedText text) {
        Map<String, String> languages = new LinkedHashMap<>();
        if (text != null) {
            if (text.sv() != null) {
                languages.put("sv", text.sv());
            }
            if (text.da() != null) {
                languages.put("da", text.da());
            }
            if (text.en() != null) {
                languages.put("en", text.en());
            }
        }
        return languages;
    }

    /**
     * The JSON-LD context of the register's documents: Dublin Core, FOAF and W3C ORG where they fit, Coop's own terms
     * ({@code /open/terms}) for the rest.
     */
    static Map<String, Object> context(String base) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("@version", 1.1);
        context.put("@vocab", OpenTerms.namespace(base));
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("org", "http://www.w3.org/ns/org#");
        context.put("xsd", Rdf.XSD);
        context.put("Organization", "org:Organization");
        context.put("identifier", "dct:identifier");
        context.put("title", Map.of("@id", "dct:title", "@container", "@language"));
        context.put("name", "foaf:name");
        context.put("modified", Map.of("@id", "dct:modified", "@type", "xsd:dateTime"));
        for (String day : OpenTerms.DAYS) {
            context.put(day, Map.of("@type", "xsd:date"));
        }
        return context;
    }

    private byte[] jsonLd(String base, List<OpenAgreement> agreements) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", context(base));
        document.put("@graph", agreements);
        return json.writeValueAsBytes(document);
    }

    /** One agreement of the register as a JSON-LD document of its own, its URI under {@code base}. */
    Optional<byte[]> jsonLd(String base, Snapshot snapshot, String agreementId) {
        OpenAgreement agreement = snapshot.agreements().get(agreementId);
        if (agreement == null) {
            return Optional.empty();
        }
        tools.jackson.databind.node.ObjectNode document = json.createObjectNode();
        document.set("@context", json.valueToTree(context(base)));
        document.setAll((tools.jackson.databind.node.ObjectNode) json.valueToTree(agreement.under(base)));
        return Optional.of(json.writeValueAsBytes(document));
    }

    /** The columns of agreements.csv, as docs/open-data.md lists them. */
    static final List<String> AGREEMENT_COLUMNS = List.of(
            "uri",
            "identifier",
            "title_sv",
            "title_da",
            "title_en",
            "kind",
            "state",
            "binding",
            "effective_from",
            "ended_on",
            "terminates_on",
            "parties",
            "party_ids",
            "countries",
            "focus_areas",
            "decisions",
            "next_review_on",
            "review_due_on",
            "modified");

    private static byte[] csv(List<OpenAgreement> agreements) {
        return csv(AGREEMENT_COLUMNS, lines -> {
            for (OpenAgreement a : agreements) {
                lines.record(java.util.Arrays.asList(
                        a.uri(),
                        a.identifier(),
                        a.title().get("sv"),
                        a.title().get("da"),
                        a.title().get("en"),
                        a.kind(),
                        a.state(),
                        String.valueOf(a.binding()),
                        text(a.effectiveFrom()),
                        text(a.endedOn()),
                        text(a.terminatesOn()),
                        a.parties().stream()
                                .map(OpenAgreement.Organisation::name)
                                .collect(Collectors.joining(" | ")),
                        a.parties().stream()
                                .map(OpenAgreement.Organisation::identifier)
                                .collect(Collectors.joining(" | ")),
                        a.parties().stream()
                                .map(OpenAgreement.Organisation::country)
                                .distinct()
                                .collect(Collectors.joining(" | ")),
                        a.focusAreas().stream()
                                .map(OpenAgreement.Track::identifier)
                                .collect(Collectors.joining(" | ")),
                        String.valueOf(a.decisions().size()),
                        text(a.nextReviewOn()),
                        text(a.reviewDueOn()),
                        text(a.modified())));
            }
        });
    }

    /** The columns of decisions.csv, as docs/open-data.md lists them. */
    static final List<String> DECISION_COLUMNS = List.of(
            "agreement_uri",
            "agreement_identifier",
            "identifier",
            "party_id",
            "party_name",
            "body",
            "outcome",
            "decided_on",
            "case_number",
            "paragraph",
            "text_version",
            "counts",
            "minutes_posted_on",
            "appeal_window_ends_on",
            "finality",
            "legally_final_on",
            "appeals");

    private static byte[] decisionsCsv(List<OpenAgreement> agreements) {
        return csv(DECISION_COLUMNS, lines -> {
            for (OpenAgreement a : agreements) {
                for (OpenAgreement.Decision d : a.decisions()) {
                    lines.record(java.util.Arrays.asList(
                            a.uri(),
                            a.identifier(),
                            d.identifier(),
                            d.party(),
                            d.partyName(),
                            d.body(),
                            d.outcome(),
                            text(d.decidedOn()),
                            d.caseNumber(),
                            d.paragraph(),
                            String.valueOf(d.textVersion()),
                            String.valueOf(d.counts()),
                            text(d.minutesPostedOn()),
                            text(d.appealWindowEndsOn()),
                            d.finality(),
                            text(d.legallyFinalOn()),
                            d.appeals() == null
                                    ? null
                                    : d.appeals().stream()
                                            .map(appeal -> String.join(
                                                    " ",
                                                    java.util.stream.Stream.of(
                                                                    text(appeal.on()),
                                                                    appeal.court(),
                                                                    appeal.caseNumber(),
                                                                    appeal.outcome())
                                                            .filter(part -> part != null)
                                                            .toList()))
                                            .collect(Collectors.joining(" | "))));
                }
            }
        });
    }

    private interface Rows {
        void write(CsvLines lines) throws IOException;
    }

    private static byte[] csv(List<String> header, Rows rows) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            CsvLines lines = new CsvLines(out, ',');
            lines.record(header);
            rows.write(lines);
            lines.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
