package se.coop.app.openapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.client.ApiClient;
import se.coop.client.ApiException;
import se.coop.client.ApiResponse;
import se.coop.client.api.AgreementsApi;
import se.coop.client.api.CommandsApi;
import se.coop.client.model.AdoptByBoardRequest;
import se.coop.client.model.AgreementStatusView;
import se.coop.client.model.AgreementText;
import se.coop.client.model.CommandResponse;
import se.coop.client.model.DraftIntentRequest;
import se.coop.client.model.FocusArea;
import se.coop.client.model.LocalizedText;
import se.coop.client.model.Party;
import se.coop.client.model.PartyStatusView;
import se.coop.client.model.SignAgreementRequest;
import se.coop.client.model.Signatory;
import se.coop.client.model.Term;

/**
 * The API description is one a generator can use: the build generates a Java client from it (openapi-generator,
 * {@code docs/openapi.json}, which {@link ApiDescriptionTest} holds equal to the description Coop serves), and the
 * Halmstad letter of intent (seed 003) goes from draft to in force through that client alone, its status read back.
 */
class GeneratedClientTest extends IntegrationTest {

    private static final String TEXT = Bodies.TEXT_V1;
    private static final LocalDate DAY = LocalDate.of(2019, 11, 27);

    @Test
    void theHalmstadLetterOfIntentGoesFromDraftToInForceThroughTheGeneratedClient() throws ApiException {
        ApiClient client = client("secretariat");
        CommandsApi commands = new CommandsApi(client);
        AgreementsApi agreements = new AgreementsApi(client);

        DraftIntentRequest draft = new DraftIntentRequest()
                .title(new LocalizedText()
                        .sv("Avsiktsförklaring om samverkan för hållbar tillväxt i Halmstadsregionen"))
                .kind(DraftIntentRequest.KindEnum.LETTER_OF_INTENT)
                .binding(false)
                .addFocusAreasItem(
                        new FocusArea().code("kompetens").title(new LocalizedText().sv("Kompetensförsörjning")))
                .term(new Term().untilFurtherNotice(true).noticePeriodMonths(6))
                .text(new AgreementText()
                        .sha256(TEXT)
                        .title("Avsiktsförklaring")
                        .mediaType("application/pdf")
                        .size(182_044L));
        for (String party : Bodies.PARTIES) {
            boolean university = party.startsWith("hogskolan");
            draft.addPartiesItem(new Party()
                    .partyId(party)
                    .name(Bodies.name(party))
                    .kind(university ? Party.KindEnum.UNIVERSITY : Party.KindEnum.MUNICIPALITY)
                    .country("SE")
                    .adoptingBody(board(party))
                    .lead(party.equals("halmstad")));
        }
        ApiResponse<CommandResponse> drafted = commands.draftIntentWithHttpInfo(draft, null, null, null);
        assertThat(drafted.getStatusCode()).isEqualTo(201);
        assertThat(drafted.getHeaders().get("location")).isNotEmpty();
        String id = drafted.getData().getAgreementId();

        CommandResponse submitted =
                commands.submitForAdoption(id, "\"" + drafted.getData().getVersion() + "\"", null, null, null);
        long position = submitted.getPosition();
        for (String party : Bodies.PARTIES) {
            CommandResponse signed = commands.signAgreement(
                    id,
                    new SignAgreementRequest()
                            .partyId(party)
                            .textSha256(TEXT)
                            .signatory(new Signatory()
                                    .name("Ordförande i " + Bodies.name(party))
                                    .title("ordförande"))
                            .signedOn(DAY),
                    null,
                    null,
                    null);
            CommandResponse adopted = commands.adoptByBoard(
                    id,
                    new AdoptByBoardRequest()
                            .partyId(party)
                            .textSha256(TEXT)
                            .body(board(party))
                            .decidedOn(DAY)
                            .caseNumber("KS 2019/" + (1000 + Bodies.PARTIES.indexOf(party)))
                            .paragraph("§ " + (10 + Bodies.PARTIES.indexOf(party)))
                            .outcome(AdoptByBoardRequest.OutcomeEnum.ADOPTED),
                    null,
                    null,
                    null);
            assertThat(adopted.getPosition()).isGreaterThan(signed.getPosition());
            position = adopted.getPosition();
        }

        AgreementStatusView status = agreements.status(id, null, null, position);
        assertThat(status.getState()).isEqualTo(AgreementStatusView.StateEnum.IN_FORCE);
        assertThat(status.getEffectiveFrom()).isNotNull();
        assertThat(status.getTextSha256()).isEqualTo(TEXT);
        assertThat(status.getParties())
                .hasSize(Bodies.PARTIES.size())
                .allSatisfy(party -> {
                    assertThat(party.getSigned()).isTrue();
                    assertThat(party.getAdopted()).isTrue();
                    assertThat(party.getLatestDecision().getCaseNumber()).startsWith("KS 2019/");
                })
                .extracting(PartyStatusView::getPartyId)
                .containsExactlyElementsOf(Bodies.PARTIES);
    }

    @Test
    void aRefusalReachesTheGeneratedClientAsAProblem() {
        AgreementsApi agreements = new AgreementsApi(client("secretariat"));

        assertThatExceptionOfType(ApiException.class)
                .isThrownBy(() -> agreements.status("11111111-2222-4333-8444-555555555555", null, null, null))
                .satisfies(problem -> {
                    assertThat(problem.getCode()).isEqualTo(404);
                    assertThat(problem.getResponseBody()).contains("\"errorCode\":\"AGREEMENT_NOT_FOUND\"");
                });
    }

    private ApiClient client(String user) {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        String basic = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        return client;
    }

    private static String board(String party) {
        return party.startsWith("hogskolan") ? "Högskolestyrelsen" : "Kommunstyrelsen";
    }
}
