package se.coop.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.BusinessTime;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.Secretariat;
import se.coop.app.support.TestClock;
import se.coop.command.agreement.AgreementCache;

/**
 * Commands on one agreement one after another find it kept in memory at its stream's head; a refused command leaves
 * nothing of itself in what is kept; the counter of where commands found their agreement is published.
 * (Across nodes: {@code TwoNodesTest}.)
 */
class KeptAgreementsTest extends IntegrationTest {

    @Autowired
    private AgreementCache kept;

    @Test
    void theNextCommandOnAnAgreementFindsItKeptAndARefusedOneLeavesNothingBehind() {
        Secretariat secretariat = new Secretariat(api);
        String id = secretariat.draft(Bodies.twoPartyDraft());
        long served = kept.hits();
        secretariat.submit(id);
        assertThat(kept.hits()).as("the submission found the draft kept").isEqualTo(served + 1);

        // refused by the agreement once loaded (hylte is no party to it): what was loaded is dropped with the rollback
        Api.Answer refused = api.as("secretariat")
                .post(
                        "/api/v1/agreements/" + id + "/signatures",
                        Bodies.signature(
                                "hylte",
                                Bodies.TEXT_V1,
                                BusinessTime.today(TestClock.INSTANCE)
                                        .minusDays(3)
                                        .toString()));
        assertThat(refused.status()).as(refused.toString()).isBetween(400, 499);
        assertThat(kept.hits()).as("the refused command found it kept").isEqualTo(served + 2);

        long read = kept.misses();
        Api.Answer signed = secretariat.sign(
                id,
                "halmstad",
                Bodies.TEXT_V1,
                BusinessTime.today(TestClock.INSTANCE).minusDays(3).toString());
        assertThat(signed.json().get("version").asLong()).isEqualTo(3);
        // (a deadline firing meanwhile reads its agreement from the store too)
        assertThat(kept.misses()).as("read again after the refusal").isGreaterThan(read);
        assertThat(secretariat
                        .read("auditor", "/api/v1/agreements/" + id)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("AWAITING_APPROVAL");

        String metrics = api.as("operator").get("/actuator/prometheus").body();
        assertThat(metrics)
                .contains("coop_agreement_loads_total{from=\"memory\"", "coop_agreement_loads_total{from=\"store\"");
    }
}
