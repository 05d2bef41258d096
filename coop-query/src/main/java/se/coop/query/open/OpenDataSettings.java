package se.coop.query.open;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The open register ({@code coop.open-data.*}, docs/open-data.md): whether it is served at all ({@code enabled}, off
 * by default), who publishes it (the catalogue's publisher and contact point, which DCAT-AP-SE requires: a name, the
 * kind of organisation, a functional mailbox — never a person's), for how long a built register is served before it
 * is built again ({@code cache-for}) and how many requests one address may make a minute.
 *
 * <p>{@code publisher-type} is one of ADMS's publisher types (LocalAuthority, RegionalAuthority, NationalAuthority,
 * Academia-ScientificOrganisation, …); {@code publisher-id} the organisation number.
 */
@ConfigurationProperties("coop.open-data")
public record OpenDataSettings(
        boolean enabled,
        String publisherName,
        String publisherType,
        String publisherId,
        URI publisherHomepage,
        String contactEmail,
        String contactPhone,
        String contactStreet,
        String contactPostalCode,
        String contactLocality,
        String contactCountry,
        Duration cacheFor,
        Integer requestsPerMinute) {

    /** ADMS publisher types (http://purl.org/adms/publishertype/), as DCAT-AP-SE 3.0.1 lists them. */
    static final Set<String> PUBLISHER_TYPES = Set.of(
            "Academia-ScientificOrganisation",
            "Company",
            "IndustryConsortium",
            "LocalAuthority",
            "NationalAuthority",
            "NonGovernmentalOrganisation",
            "NonProfitOrganisation",
            "PrivateIndividual(s)",
            "RegionalAuthority",
            "StandardisationBody",
            "SupraNationalAuthority");

    public OpenDataSettings {
        publisherName = blankToNull(publisherName);
        publisherType = blankToNull(publisherType) == null ? "LocalAuthority" : publisherType.strip();
        publisherId = blankToNull(publisherId);
        contactEmail = blankToNull(contactEmail);
        contactPhone = blankToNull(contactPhone);
        contactStreet = blankToNull(contactStreet);
        contactPostalCode = blankToNull(contactPostalCode);
        contactLocality = blankToNull(contactLocality);
        contactCountry = blankToNull(contactCountry);
        cacheFor = cacheFor == null ? Duration.ofMinutes(5) : cacheFor;
        requestsPerMinute = requestsPerMinute == null ? 60 : requestsPerMinute;
        if (!PUBLISHER_TYPES.contains(publisherType)) {
            throw new IllegalArgumentException("coop.open-data.publisher-type must be one of " + PUBLISHER_TYPES);
        }
        if (cacheFor.isNegative()) {
            throw new IllegalArgumentException("coop.open-data.cache-for must not be negative");
        }
        if (requestsPerMinute < 1) {
            throw new IllegalArgumentException("coop.open-data.requests-per-minute must be at least 1");
        }
        if (enabled && (publisherName == null || contactEmail == null)) {
            throw new IllegalArgumentException("coop.open-data.enabled=true needs coop.open-data.publisher-name and"
                    + " coop.open-data.contact-email (a functional mailbox): the catalogue must name its publisher and"
                    + " a contact point");
        }
        if (contactEmail != null && !contactEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new IllegalArgumentException("coop.open-data.contact-email is not an e-mail address");
        }
        if (contactCountry != null) {
            contactCountry = contactCountry.toUpperCase(Locale.ROOT);
        }
    }

    /** The recommended properties of DCAT-AP-SE this configuration leaves out of the catalogue. */
    java.util.List<String> recommendedLeftOut() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        if (publisherId == null) {
            missing.add("coop.open-data.publisher-id (the publisher's dct:identifier)");
        }
        if (contactPhone == null) {
            missing.add("coop.open-data.contact-phone (vcard:hasTelephone)");
        }
        if (contactStreet == null || contactPostalCode == null || contactLocality == null || contactCountry == null) {
            missing.add("coop.open-data.contact-street, -postal-code, -locality and -country (vcard:hasAddress)");
        }
        return missing;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
