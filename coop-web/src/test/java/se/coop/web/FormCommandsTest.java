package se.coop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import se.coop.command.web.Violation;
import se.coop.web.FormCommands.Kind;

/** A form's fields become the JSON body a client of the API would send, and the API's problem comes back by field. */
class FormCommandsTest {

    @Test
    void fieldsBecomeTheBodyAClientWouldSendBlankOnesLeftOut() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addParameter("title.sv", " Avsiktsförklaring ");
        request.addParameter("binding", "false");
        request.addParameter("term.noticePeriodMonths", "6");
        request.addParameter("parties[0].partyId", "halmstad");
        request.addParameter("parties[0].lead", "true");
        request.addParameter("parties[2].partyId", "laholm");
        request.addParameter("parties[1].partyId", "");
        request.addParameter("dissents", "Reservation 1\r\n\r\nReservation 2\n");
        request.addParameter("startsAt", "2027-01-12T13:00");
        request.addParameter("reviewers", "Anna Andersson; anna@halmstad.example.org; halmstad\n;bo@example.org;");
        Map<String, Kind> fields = new LinkedHashMap<>();
        fields.put("title.sv", Kind.TEXT);
        fields.put("binding", Kind.BOOLEAN);
        fields.put("term.noticePeriodMonths", Kind.NUMBER);
        for (int i = 0; i < 3; i++) {
            fields.put("parties[" + i + "].partyId", Kind.TEXT);
            fields.put("parties[" + i + "].lead", Kind.BOOLEAN);
        }
        fields.put("dissents", Kind.LINES);
        fields.put("startsAt", Kind.LOCAL_DATE_TIME);
        fields.put("reviewers", Kind.REVIEWERS);
        fields.put("absent", Kind.TEXT);

        String body = FormCommands.body(request, fields, () -> ZoneId.of("Europe/Stockholm"))
                .toString();

        assertThat(body)
                .isEqualTo(
                        "{\"title\":{\"sv\":\"Avsiktsförklaring\"},\"binding\":false,\"term\":{\"noticePeriodMonths\":6},"
                                + "\"parties\":[{\"partyId\":\"halmstad\",\"lead\":true},{\"partyId\":\"laholm\"}],"
                                + "\"dissents\":[\"Reservation 1\",\"Reservation 2\"],\"startsAt\":\"2027-01-12T13:00+01:00\","
                                + "\"reviewers\":[{\"name\":\"Anna Andersson\",\"email\":\"anna@halmstad.example.org\","
                                + "\"partyId\":\"halmstad\"},{\"email\":\"bo@example.org\"}]}");
    }

    @Test
    void theApisViolationsComeBackByField() {
        ProblemDetail detail = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid");
        detail.setProperty("errorCode", "VALIDATION_FAILED");
        detail.setProperty(
                "violations",
                List.of(new Violation("sha256", "must be a SHA-256: 64 hexadecimal digits"), new Violation(null, "x")));

        FormCommands.Problem problem = FormCommands.problem(detail);

        assertThat(problem.errorCode()).isEqualTo("VALIDATION_FAILED");
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.fields()).containsExactly(Map.entry("sha256", "must be a SHA-256: 64 hexadecimal digits"));
    }
}
