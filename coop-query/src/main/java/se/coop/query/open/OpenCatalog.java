package se.coop.query.open;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import se.coop.api.BusinessTime;

/**
 * The open register's DCAT catalogue (docs/open-data.md), as DCAT-AP-SE 3.0.1 (on DCAT-AP 3.0.0, which DCAT-AP-DK
 * also builds on) asks: one catalogue, one dataset — the register — and its three distributions (the JSON-LD, the
 * agreements and the decisions as CSV), each with every mandatory and recommended property of its class, the
 * publisher and contact point as configured ({@link OpenDataSettings}). The shapes a test validates it with are in
 * coop-app's test resources.
 */
final class OpenCatalog {

    private OpenCatalog() {}

    static final String CC0 = "http://creativecommons.org/publicdomain/zero/1.0/";
    private static final String EU = "http://publications.europa.eu/resource/authority/";

    /** The distributions: path, media type, titles and descriptions (sv, en). */
    private record Distribution(
            String id,
            String path,
            String mediaType,
            String titleSv,
            String titleEn,
            String descriptionSv,
            String descriptionEn) {}

    private static final Distribution[] DISTRIBUTIONS = {
        new Distribution(
                "jsonld",
                "/open/agreements",
                "application/ld+json",
                "Registret som JSON-LD",
                "The register as JSON-LD",
                "Varje avtal med parter, beslut och nästa uppföljning, som länkade data.",
                "Every agreement with its parties, decisions and next review, as linked data."),
        new Distribution(
                "csv",
                "/open/agreements.csv",
                "text/csv",
                "Avtalen som CSV",
                "The agreements as CSV",
                "En rad per avtal (RFC 4180, UTF-8).",
                "One row per agreement (RFC 4180, UTF-8)."),
        new Distribution(
                "decisions-csv",
                "/open/decisions.csv",
                "text/csv",
                "Besluten som CSV",
                "The decisions as CSV",
                "En rad per beslut om ett avtal: organ, diarienummer, paragraf och dag (RFC 4180, UTF-8).",
                "One row per board decision on an agreement: body, case number, paragraph and day (RFC 4180,"
                        + " UTF-8).")
    };

    /** The catalogue of {@code snapshot}, published by {@code settings}' publisher. */
    static Rdf of(String base, OpenRegister.Snapshot snapshot, OpenDataSettings settings) {
        String catalog = base + "/open/catalog";
        String dataset = catalog + "#agreements";
        String publisher = settings.publisherHomepage() != null
                ? settings.publisherHomepage().toString()
                : catalog + "#publisher";
        String contact = catalog + "#contact";
        String modified = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                snapshot.modified().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
        Rdf rdf = new Rdf()
                .prefix("dcat", "http://www.w3.org/ns/dcat#")
                .prefix("dct", "http://purl.org/dc/terms/")
                .prefix("dcatap", "http://data.europa.eu/r5r/")
                .prefix("foaf", "http://xmlns.com/foaf/0.1/")
                .prefix("vcard", "http://www.w3.org/2006/vcard/ns#")
                .prefix("xsd", Rdf.XSD)
                .prefix("rdf", Rdf.RDF);

        rdf.type(catalog, "dcat:Catalog");
        named(rdf, catalog, snapshot, modified);
        rdf.text(
                        catalog,
                        "dct:description",
                        "Öppna data om samverkansavtal mellan kommuner, regioner, lärosäten och företag, ur Coop.",
                        "sv")
                .text(
                        catalog,
                        "dct:description",
                        "Åbne data om samarbejdsaftaler mellem kommuner, regioner, universiteter og virksomheder,"
                                + " fra Coop.",
                        "da")
                .text(
                        catalog,
                        "dct:description",
                        "Open data on cooperation agreements between municipalities, regions, universities and"
                                + " companies, from Coop.",
                        "en")
                .ref(catalog, "dct:publisher", publisher)
                .ref(catalog, "dct:license", CC0)
                .ref(catalog, "dcat:dataset", dataset)
                .ref(catalog, "foaf:homepage", base + "/open/")
                .ref(catalog, "dcat:themeTaxonomy", EU + "data-theme");
        for (String country : countries(snapshot)) {
            rdf.ref(catalog, "dct:spatial", country);
        }

        rdf.type(publisher, "foaf:Organization")
                .type(publisher, "foaf:Agent")
                .text(publisher, "foaf:name", settings.publisherName(), "sv")
                .ref(publisher, "dct:type", "http://purl.org/adms/publishertype/" + settings.publisherType())
                .text(publisher, "dct:description", "Utgivare av registret över samverkansavtal.", "sv")
                .text(publisher, "dct:description", "Publisher of the register of cooperation agreements.", "en");
        if (settings.publisherId() != null) {
            rdf.string(publisher, "dct:identifier", settings.publisherId());
        }
        if (settings.publisherHomepage() != null) {
            rdf.ref(publisher, "foaf:homepage", settings.publisherHomepage().toString());
        }

        rdf.type(contact, "vcard:Organization")
                .string(contact, "vcard:fn", settings.publisherName())
                .ref(contact, "vcard:hasEmail", "mailto:" + settings.contactEmail());
        if (settings.contactPhone() != null) {
            String phone = contact + "-phone";
            rdf.ref(contact, "vcard:hasTelephone", phone)
                    .type(phone, "vcard:Voice")
                    .ref(
                            phone,
                            "vcard:hasValue",
                            "tel:" + settings.contactPhone().replaceAll("[\\s()-]", ""));
        }
        if (settings.contactStreet() != null || settings.contactLocality() != null) {
            String address = contact + "-address";
            rdf.ref(contact, "vcard:hasAddress", address).type(address, "vcard:Address");
            optional(rdf, address, "vcard:street-address", settings.contactStreet());
            optional(rdf, address, "vcard:postal-code", settings.contactPostalCode());
            optional(rdf, address, "vcard:locality", settings.contactLocality());
            optional(rdf, address, "vcard:country-name", settings.contactCountry());
        }

        rdf.type(dataset, "dcat:Dataset");
        named(rdf, dataset, snapshot, modified);
        rdf.text(
                        dataset,
                        "dct:description",
                        "Samverkansavtal och avsiktsförklaringar som lämnat utkaststadiet: vad, vilka organisationer,"
                                + " sedan när, läge, varje parts beslut med organ, diarienummer och dag, och nästa"
                                + " uppföljning. Inga personuppgifter.",
                        "sv")
                .text(
                        dataset,
                        "dct:description",
                        "Samarbejdsaftaler og hensigtserklæringer ud over udkaststadiet: hvad, hvilke organisationer,"
                                + " siden hvornår, status, hver parts beslutning med organ, sagsnummer og dato, og"
                                + " næste opfølgning. Ingen personoplysninger.",
                        "da")
                .text(
                        dataset,
                        "dct:description",
                        "Cooperation agreements and letters of intent past drafting: what, which organisations, since"
                                + " when, state, each party's board decision with body, case number and date, and the"
                                + " next review. No personal data.",
                        "en")
                .ref(dataset, "dct:publisher", publisher)
                .ref(dataset, "dcat:contactPoint", contact)
                .text(dataset, "dcat:keyword", "samverkansavtal", "sv")
                .text(dataset, "dcat:keyword", "avsiktsförklaring", "sv")
                .text(dataset, "dcat:keyword", "samarbejdsaftale", "da")
                .text(dataset, "dcat:keyword", "cooperation agreement", "en")
                .ref(dataset, "dcat:theme", EU + "data-theme/GOVE")
                .ref(dataset, "dct:conformsTo", base + "/open/terms")
                .ref(dataset, "dct:accessRights", EU + "access-right/PUBLIC")
                .ref(dataset, "dct:accrualPeriodicity", EU + "frequency/UPDATE_CONT")
                .ref(dataset, "dcat:landingPage", base + "/open/")
                .string(dataset, "dct:identifier", dataset);
        for (String country : countries(snapshot)) {
            rdf.ref(dataset, "dct:spatial", country);
        }
        String period = catalog + "#period";
        rdf.ref(dataset, "dct:temporal", period).type(period, "dct:PeriodOfTime");
        if (snapshot.firstDay() != null) {
            rdf.typed(period, "dcat:startDate", snapshot.firstDay().toString(), "xsd:date");
        }
        rdf.typed(period, "dcat:endDate", day(snapshot), "xsd:date");
        rdf.type(base + "/open/terms", "dct:Standard");

        for (Distribution d : DISTRIBUTIONS) {
            String distribution = catalog + "#" + d.id();
            String url = base + d.path();
            rdf.ref(dataset, "dcat:distribution", distribution)
                    .type(distribution, "dcat:Distribution")
                    .ref(distribution, "dcat:accessURL", url)
                    .ref(distribution, "dcat:downloadURL", url)
                    .string(distribution, "dct:format", d.mediaType())
                    .ref(
                            distribution,
                            "dcat:mediaType",
                            "https://www.iana.org/assignments/media-types/" + d.mediaType())
                    .text(distribution, "dct:title", d.titleSv(), "sv")
                    .text(distribution, "dct:title", d.titleEn(), "en")
                    .text(distribution, "dct:description", d.descriptionSv(), "sv")
                    .text(distribution, "dct:description", d.descriptionEn(), "en")
                    .ref(distribution, "dct:license", CC0)
                    .ref(distribution, "dcatap:availability", EU + "planned-availability/STABLE")
                    .typed(distribution, "dct:modified", modified, "xsd:dateTime");
        }
        return rdf;
    }

    /**
     * What the catalogue and its one dataset say alike: the register's title in each language, when it was first
     * issued and last modified, and the languages of its data.
     */
    private static void named(Rdf rdf, String subject, OpenRegister.Snapshot snapshot, String modified) {
        rdf.text(subject, "dct:title", "Samverkansavtal", "sv")
                .text(subject, "dct:title", "Samarbejdsaftaler", "da")
                .text(subject, "dct:title", "Cooperation agreements", "en")
                .typed(
                        subject,
                        "dct:issued",
                        snapshot.firstDay() == null
                                ? day(snapshot)
                                : snapshot.firstDay().toString(),
                        "xsd:date")
                .typed(subject, "dct:modified", modified, "xsd:dateTime");
        for (String language : List.of("SWE", "DAN", "ENG")) {
            rdf.ref(subject, "dct:language", EU + "language/" + language);
        }
    }

    private static void optional(Rdf rdf, String subject, String predicate, String value) {
        if (value != null) {
            rdf.string(subject, predicate, value);
        }
    }

    private static String day(OpenRegister.Snapshot snapshot) {
        return snapshot.modified().atZone(BusinessTime.ZONE).toLocalDate().toString();
    }

    /** The parties' countries as the EU's country authority names them (SE and DK, and any other). */
    private static java.util.List<String> countries(OpenRegister.Snapshot snapshot) {
        return snapshot.countries().stream()
                .map(code -> EU + "country/"
                        + ALPHA3.getOrDefault(
                                code,
                                new java.util.Locale.Builder()
                                        .setRegion(code)
                                        .build()
                                        .getISO3Country()))
                .toList();
    }

    private static final Map<String, String> ALPHA3 = Map.of("SE", "SWE", "DK", "DNK", "NO", "NOR", "FI", "FIN");
}
