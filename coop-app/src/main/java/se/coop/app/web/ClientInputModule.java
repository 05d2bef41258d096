package se.coop.app.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import se.coop.api.PartyId;
import se.coop.api.input.ClientText;
import se.coop.api.input.Multiline;
import se.coop.api.input.PlausibleDates;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Coop's input rules ({@code se.coop.api.input}) for every value of every JSON request, in one place: each text
 * through {@link ClientText}, each date through {@link PlausibleDates}, each date-time with an explicit offset, each
 * party id in its one form. A value they refuse is answered 400 naming the field.
 */
final class ClientInputModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    ClientInputModule() {
        super("coop-client-input");
        addDeserializer(String.class, new TextDeserializer(false));
        addDeserializer(LocalDate.class, new DateDeserializer());
        addDeserializer(OffsetDateTime.class, new DateTimeDeserializer());
        addDeserializer(PartyId.class, new PartyIdDeserializer());
    }

    /** Reads JSON text only (never a number or boolean), so every scalar of another kind fails as it should. */
    private static String text(JsonParser parser, DeserializationContext context, Class<?> type, String expected) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            return parser.getString();
        }
        throw new RejectedValueException(parser, type, "wrong type: expected " + expected);
    }

    private static RejectedValueException rejected(JsonParser parser, Class<?> type, IllegalArgumentException e) {
        return new RejectedValueException(parser, type, e.getMessage());
    }

    /** Text as {@link ClientText} keeps it; TAB, LF and CR only in a {@link Multiline} field. Blank text is absent. */
    static final class TextDeserializer extends StdScalarDeserializer<String> {

        private final boolean multiline;

        TextDeserializer(boolean multiline) {
            super(String.class);
            this.multiline = multiline;
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
            boolean wanted = property != null && property.getAnnotation(Multiline.class) != null;
            return wanted == multiline ? this : new TextDeserializer(wanted);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = text(parser, context, String.class, "text");
            try {
                return ClientText.clean(text, multiline);
            } catch (IllegalArgumentException e) {
                throw rejected(parser, String.class, e);
            }
        }
    }

    /** Exactly YYYY-MM-DD, a real day inside the plausible window: no date-time, no spaces, no year 9999. */
    static final class DateDeserializer extends StdScalarDeserializer<LocalDate> {

        DateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) {
            String text = text(parser, context, LocalDate.class, "a date as YYYY-MM-DD");
            try {
                return PlausibleDates.parse(text);
            } catch (IllegalArgumentException e) {
                throw rejected(parser, LocalDate.class, e);
            }
        }
    }

    /** ISO-8601 with an explicit offset ({@code Z} or {@code +01:00}), its day inside the plausible window. */
    static final class DateTimeDeserializer extends StdScalarDeserializer<OffsetDateTime> {

        DateTimeDeserializer() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
            String text = text(parser, context, OffsetDateTime.class, "a date and time");
            try {
                return PlausibleDates.parseDateTime(text);
            } catch (IllegalArgumentException e) {
                throw rejected(parser, OffsetDateTime.class, e);
            }
        }
    }

    /** A party id in the one form clients name parties in ({@link PartyId#strict}). */
    static final class PartyIdDeserializer extends StdScalarDeserializer<PartyId> {

        PartyIdDeserializer() {
            super(PartyId.class);
        }

        @Override
        public PartyId deserialize(JsonParser parser, DeserializationContext context) {
            String text = text(parser, context, PartyId.class, "a party id (text)");
            try {
                return PartyId.strict(text);
            } catch (IllegalArgumentException e) {
                throw rejected(parser, PartyId.class, e);
            }
        }
    }
}
