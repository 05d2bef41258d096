package se.coop.app.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static se.coop.app.support.Bodies.TEXT_V1;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import se.coop.api.EventChain;
import se.coop.app.support.Api;
import se.coop.app.support.Bodies;
import se.coop.app.support.IntegrationTest;
import se.coop.app.support.StoredStream;
import se.coop.query.audit.ChainVerification;
import se.coop.query.audit.ChainVerifier;
import tools.jackson.core.type.TypeReference;

/** Every stored event is chained where it is appended; editing, inserting or deleting a row breaks the chain there. */
class HashChainTest extends IntegrationTest {

    @Autowired
    ChainVerifier verifier;

    private String id;
    private StoredStream original;

    @AfterEach
    void undoTheTampering() {
        original.restore();
        assertThat(verifier.verify(id).intact()).isTrue();
    }

    @BeforeEach
    void threeEvents() {
        id = api.as("secretariat")
                .post("/api/v1/agreements", Bodies.halmstadDraft())
                .json()
                .get("agreementId")
                .asString();
        api.as("secretariat").post("/api/v1/agreements/" + id + "/submission", "{}");
        api.as("secretariat")
                .post("/api/v1/agreements/" + id + "/signatures", Bodies.signature("laholm", TEXT_V1, "2020-01-20"));
        original = StoredStream.keep(jdbc, id);
    }

    @Test
    void anUntouchedStreamIsIntactAndItsHeadIsTheLastEventsHash() {
        ChainVerification verification = verifier.verify(id);
        assertThat(verification.intact()).isTrue();
        assertThat(verification.events()).isEqualTo(3);
        assertThat(verification.brokenAt()).isNull();
        assertThat(verification.headHash()).isEqualTo(storedHash(2));
    }

    @Test
    void anSqlEditOfOnePayloadBreaksTheChainAtThatEvent() {
        int edited = jdbc.update(
                "UPDATE domain_event_entry SET payload = convert_to(replace(convert_from(payload, 'UTF8'),"
                        + " 'Ordförande i Laholms kommun', 'Någon annan'), 'UTF8')"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 2",
                id);
        assertThat(edited).isEqualTo(1);
        ChainVerification verification = verifier.verify(id);
        assertThat(verification.intact()).isFalse();
        assertThat(verification.brokenAt()).isEqualTo(2);
        assertThat(verification.events()).isEqualTo(3);
    }

    @Test
    void anEditOfTheMetadataBreaksTheChain() {
        jdbc.update(
                "UPDATE domain_event_entry SET meta_data = convert_to(replace(convert_from(meta_data, 'UTF8'),"
                        + " '\"actor\":\"secretariat\"', '\"actor\":\"someone-else\"'), 'UTF8')"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 1",
                id);
        assertThat(verifier.verify(id).brokenAt()).isEqualTo(1);
    }

    @Test
    void aDeletedEventBreaksTheChainWhereItWas() {
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 1", id);
        assertThat(verifier.verify(id).brokenAt()).isEqualTo(1);
    }

    @Test
    void anEditWhoseHashWasRecomputedStillBreaksTheChainAtTheNextEvent() {
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT payload_type, payload_revision, time_stamp, payload, meta_data FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0",
                id);
        byte[] forged = new String((byte[]) row.get("payload"), StandardCharsets.UTF_8)
                .replace("Halmstadsregionen", "Falkenbergsregionen")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> metaData =
                Api.JSON.readValue((byte[]) row.get("meta_data"), new TypeReference<Map<String, Object>>() {});
        String forgedHash = EventChain.link(
                EventChain.GENESIS,
                id,
                0,
                (String) row.get("payload_type"),
                (String) row.get("payload_revision"),
                (String) row.get("time_stamp"),
                forged,
                EventChain.metadataWithoutHash(metaData));
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ?, meta_data = ? WHERE aggregate_identifier = ? AND sequence_number = 0",
                forged,
                EventChain.metadataWithHash(metaData, forgedHash),
                id);
        assertThat(verifier.verify(id).brokenAt()).isEqualTo(1);
    }

    private String storedHash(long sequence) {
        String metaData = jdbc.queryForObject(
                "SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = ?",
                String.class,
                id,
                sequence);
        return Api.JSON.readTree(metaData).get(EventChain.HASH_KEY).asString();
    }
}
