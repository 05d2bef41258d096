package se.coop.app.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.coop.api.AgreementId;
import se.coop.api.AgreementText;
import se.coop.api.AmendmentId;
import se.coop.api.DecisionId;
import se.coop.api.DocumentId;
import se.coop.api.DocumentKind;
import se.coop.api.DocumentRef;
import se.coop.api.FocusArea;
import se.coop.api.Funding;
import se.coop.api.LocalizedText;
import se.coop.api.Participant;
import se.coop.api.Party;
import se.coop.api.PartyId;
import se.coop.api.PartyKind;
import se.coop.api.ReviewId;
import se.coop.api.Signatory;
import se.coop.api.Term;
import se.coop.api.contact.ContactId;
import se.coop.api.event.AgreementEvent;

/**
 * Every event of the sealed set is stored by Axon's Jackson serializer and read back equal to itself, with its
 * revision, and without extra properties leaking into the stored form.
 */
class EventSerializationTest {

    private final Serializer serializer = new AxonConfiguration().serializer();

    static Stream<Class<?>> events() {
        return Arrays.stream(AgreementEvent.class.getPermittedSubclasses());
    }

    @ParameterizedTest
    @MethodSource("events")
    void eachEventRoundTripsThroughTheEventSerializer(Class<?> type) throws Exception {
        Object event = sample(type);
        SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
        assertThat(stored.getType().getRevision())
                .as("@Revision")
                .isEqualTo(type.getAnnotation(org.axonframework.serialization.Revision.class)
                        .value());
        Object read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(event);
        String json = new String(stored.getData(), java.nio.charset.StandardCharsets.UTF_8);
        for (RecordComponent component : type.getRecordComponents()) {
            assertThat(json).contains("\"" + component.getName() + "\"");
        }
    }

    private static Object sample(Class<?> type) throws Exception {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType());
        }
        return type.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object value(Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return List.of(value(list.getActualTypeArguments()[0]));
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isEnum()) {
            return raw.getEnumConstants()[raw.getEnumConstants().length - 1];
        }
        if (raw == AgreementId.class) return AgreementId.of("11111111-1111-4111-8111-111111111111");
        if (raw == DecisionId.class) return DecisionId.of("22222222-2222-4222-8222-222222222222");
        if (raw == ReviewId.class) return ReviewId.of("33333333-3333-4333-8333-333333333333");
        if (raw == AmendmentId.class) return AmendmentId.of("44444444-4444-4444-8444-444444444444");
        if (raw == DocumentId.class) return DocumentId.of("55555555-5555-4555-8555-555555555555");
        if (raw == PartyId.class) return PartyId.of("helsingor");
        if (raw == String.class) return "Helsingør–Helsingborg åäö";
        if (raw == int.class || raw == Integer.class) return 7;
        if (raw == long.class || raw == Long.class) return 4_200_000L;
        if (raw == boolean.class) return true;
        if (raw == LocalDate.class) return LocalDate.of(2020, 1, 29);
        if (raw == OffsetDateTime.class) return OffsetDateTime.parse("2026-05-04T13:00:00+02:00");
        if (raw == LocalizedText.class) return new LocalizedText("Bo", "Bo", "Living");
        if (raw == AgreementText.class)
            return new AgreementText("a".repeat(64), "Aftale", "application/pdf", 10L, "https://example.org/a.pdf");
        if (raw == Party.class)
            return new Party(
                    PartyId.of("helsingor"), "Helsingør Kommune", PartyKind.MUNICIPALITY, "DK", "Byrådet", null, true);
        if (raw == FocusArea.class) return new FocusArea("bo", new LocalizedText("Bo", "Bo", null));
        if (raw == Term.class) return new Term(LocalDate.of(2020, 2, 1), null, true, 6, true);
        if (raw == Funding.class)
            return new Funding(
                    "Tillväxtverket",
                    new BigDecimal("1500000.00"),
                    "SEK",
                    LocalDate.of(2017, 1, 1),
                    LocalDate.of(2018, 12, 31));
        if (raw == Signatory.class) return new Signatory("Benedikte Kiær", "borgmester");
        if (raw == DocumentRef.class) return new DocumentRef("b".repeat(64), DocumentKind.MINUTES_EXTRACT);
        if (raw == ContactId.class) return ContactId.of("77777777-7777-4777-8777-777777777777");
        if (raw == Participant.class)
            return new Participant(
                    "Anna", PartyId.of("helsingor"), ContactId.of("66666666-6666-4666-8666-666666666666"), null);
        throw new IllegalArgumentException("no sample for " + type);
    }
}
