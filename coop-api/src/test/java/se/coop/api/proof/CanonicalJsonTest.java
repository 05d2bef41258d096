package se.coop.api.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** RFC 8785's canonical form for the values Coop signs. */
class CanonicalJsonTest {

    @Test
    void membersAreSortedByTheirNamesUtf16CodeUnits() {
        // RFC 8785 §3.2.3's example of sorting: by UTF-16 code units, not by code points or UTF-8 bytes
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("\u20ac", "Euro Sign");
        object.put("\r", "Carriage Return");
        object.put("\ufb33", "Hebrew Letter Dalet With Dagesh");
        object.put("1", "One");
        object.put("\ud83d\ude00", "Emoji: Grinning Face");
        object.put("\u0080", "Control");
        object.put("\u00f6", "Latin Small Letter O With Diaeresis");

        assertThat(CanonicalJson.write(object))
                .isEqualTo("{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\u0080\":\"Control\",\"\u00f6\":\"Latin Small"
                        + " Letter O With Diaeresis\",\"\u20ac\":\"Euro Sign\",\"\ud83d\ude00\":\"Emoji: Grinning"
                        + " Face\",\"\ufb33\":\"Hebrew Letter Dalet With Dagesh\"}");
    }

    @Test
    void stringsAreEscapedAsJsonStringifyEscapesThem() {
        assertThat(CanonicalJson.write("\u0000\b\t\n\f\r\u001f \"\\/ å\u2028"))
                .isEqualTo("\"\\u0000\\b\\t\\n\\f\\r\\u001f \\\"\\\\/ å\u2028\"");
    }

    @Test
    void nestedValuesIntegersBooleansAndNullHaveOneForm() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("b", List.of(1, -2L, true, false));
        object.put("a", Arrays.asList(null, Map.of("z", 9_007_199_254_740_991L)));

        assertThat(CanonicalJson.write(object))
                .isEqualTo("{\"a\":[null,{\"z\":9007199254740991}],\"b\":[1,-2,true,false]}");
    }

    @Test
    void whatHasNoCanonicalFormIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(9_007_199_254_740_992L));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(new BigDecimal("1.5")));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write("\ud83d"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write("\ude00x"));
        assertThatIllegalArgumentException().isThrownBy(() -> CanonicalJson.write(Map.of(1, "x")));
    }
}
