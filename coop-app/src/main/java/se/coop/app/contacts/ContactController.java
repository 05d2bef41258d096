package se.coop.app.contacts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.contact.Contact;
import se.coop.api.contact.ContactId;
import se.coop.api.contact.Contacts;
import se.coop.api.contact.Erasure;
import se.coop.api.input.Visible;

/** The contact register over HTTP: find a contact by its address, correct the address, erase it. */
@RestController
@Tag(name = "Contacts", description = "Reviewers' and reminder recipients' e-mail addresses, correctable and erasable")
public class ContactController {

    /** A contact's e-mail address, as a reviewer is given with. */
    public record ContactRequest(
            @NotBlank @Email @Visible @Size(max = 320) String email) {}

    private final Contacts contacts;
    private final Validator validator;

    ContactController(Contacts contacts, Validator validator) {
        this.contacts = contacts;
        this.validator = validator;
    }

    @GetMapping(path = "/api/v1/contacts", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "findContacts",
            summary = "The contact holding an e-mail address (roles SECRETARIAT, OPERATOR)",
            description = "email: the address, compared without regard to case. A list of the one live contact holding"
                    + " it, or an empty list: an erased address is known no more.")
    public List<Contact> find(@RequestParam String email) {
        var violations = validator.validate(new ContactRequest(email));
        if (!violations.isEmpty()) {
            throw new CoopProblem(
                    ErrorCode.VALIDATION_FAILED,
                    "email " + violations.iterator().next().getMessage(),
                    "email");
        }
        return contacts.find(email).stream().toList();
    }

    @PutMapping(
            path = "/api/v1/contacts/{contactId}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "correctContact",
            summary = "Corrects a contact's e-mail address (role SECRETARIAT)",
            description = "Every reminder and calendar feed from now on goes to the corrected address; the events that"
                    + " refer to the contact are unchanged. 404 for no such contact; 409 CONTACT_ERASED for one"
                    + " erased, CONTACT_ADDRESS_TAKEN when another contact holds the address.")
    public Contact correct(@PathVariable String contactId, @Valid @RequestBody ContactRequest address) {
        return contacts.correct(id(contactId), address.email());
    }

    @DeleteMapping(path = "/api/v1/contacts/{contactId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "eraseContact",
            summary = "Erases a contact's e-mail address (roles SECRETARIAT, OPERATOR)",
            description = "GDPR art. 17 (docs/decisions/0007-contact-register.md): the address leaves the register and"
                    + " every row derived from it; reminders waiting for it are not sent (ERASED), its calendar feeds"
                    + " stop, a search by it finds nothing, and pages, dossiers and packages made afterwards show"
                    + " \"erased contact\". Every chain and checkpoint still verifies, since events refer to the"
                    + " contact by id. oldEventsWithAddress counts the events written before the contact register"
                    + " that still carry the address: a stored event is never changed. 404 for no such contact;"
                    + " 409 CONTACT_ERASED when erased already.")
    public Erasure erase(@PathVariable String contactId) {
        return contacts.erase(id(contactId));
    }

    private static ContactId id(String value) {
        try {
            return ContactId.of(value);
        } catch (IllegalArgumentException e) {
            throw new CoopProblem(ErrorCode.CONTACT_NOT_FOUND, "There is no contact " + value + ".");
        }
    }
}
