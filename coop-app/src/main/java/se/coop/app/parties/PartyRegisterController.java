package se.coop.app.parties;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.PartyKind;
import se.coop.api.register.NewParty;
import se.coop.api.register.PartyRegister;
import se.coop.api.register.RegisteredParty;

/** The party register over HTTP: search it, read one organisation, add one. */
@RestController
@Tag(name = "Parties", description = "The organisations agreements are made between, for drafting to pick from")
public class PartyRegisterController {

    private final PartyRegister register;

    PartyRegisterController(PartyRegister register) {
        this.register = register;
    }

    @GetMapping(path = "/api/v1/parties", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "searchParties",
            summary = "Searches the party register (every role)",
            description = "q: words in a name (in any language), the id or the official code, compared without regard"
                    + " to case or accents (\"koge\" finds Køge Kommune); country: an ISO 3166-1 alpha-2 code; kind:"
                    + " MUNICIPALITY, REGION, UNIVERSITY, COMPANY, AUTHORITY or OTHER; limit: 1 to 100 (20). Names"
                    + " beginning with q come first, then by Swedish name. Seeded with every Swedish municipality"
                    + " (SCB kommunkod) and region (länskod) and every Danish municipality (kommunekode) and region"
                    + " (1081-1085); source names the published list an entry comes from.")
    public List<RegisteredParty> search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) Integer limit) {
        if (q != null && q.length() > 200) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "q must be at most 200 characters", "q");
        }
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "country must be a code such as SE or DK", "country");
        }
        if (limit != null && (limit < 1 || limit > PartyRegister.MOST)) {
            throw new CoopProblem(ErrorCode.VALIDATION_FAILED, "limit must be 1 to " + PartyRegister.MOST, "limit");
        }
        return register.search(
                q, country == null ? null : country.toUpperCase(Locale.ROOT), kind(kind), limit == null ? 20 : limit);
    }

    @GetMapping(path = "/api/v1/parties/{partyId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getParty",
            summary = "One organisation of the party register (every role)",
            description = "404 PARTY_NOT_FOUND when the register has no organisation with this id.")
    public RegisteredParty get(@PathVariable String partyId) {
        return register.get(partyId)
                .orElseThrow(() -> new CoopProblem(
                        ErrorCode.PARTY_NOT_FOUND, "The party register has no organisation " + partyId + "."));
    }

    @PostMapping(
            path = "/api/v1/parties",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "addParty",
            summary = "Adds an organisation to the party register (roles SECRETARIAT, OPERATOR)",
            description = "A university, company, association or other body: names (sv, da, en; at least one, the"
                    + " others default to it), kind, country, officialCode (an organisation or CVR number, optional),"
                    + " boardNames (the first is what a draft offers as the adopting body) and partyId (optional: made"
                    + " from the name in the party's own language). 201 with the entry and its Location; 409"
                    + " PARTY_ID_TAKEN when the id is registered already. An agreement keeps the id and name it was"
                    + " drafted with.")
    public ResponseEntity<RegisteredParty> add(@Valid @RequestBody NewParty party, Authentication user) {
        RegisteredParty added = register.add(party, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/parties/" + added.partyId()))
                .body(added);
    }

    static PartyKind kind(String kind) {
        if (kind == null || kind.isBlank()) {
            return null;
        }
        try {
            return PartyKind.valueOf(kind.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED,
                    "kind must be one of MUNICIPALITY, REGION, UNIVERSITY, COMPANY, AUTHORITY, OTHER",
                    "kind");
        }
    }
}
