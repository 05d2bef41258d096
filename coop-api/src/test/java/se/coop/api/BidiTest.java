package se.coop.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 28, finding 6: a direction control in a user's text stays in that text. */
class BidiTest {

    private static final String RLO = "\u202E";

    @Test
    void aTextWithoutDirectionControlsIsLeftAsItIs() {
        String title = "Samverkan om Öresund – שלום";
        assertThat(Bidi.isolate(title)).isSameAs(title);
        assertThat(Bidi.isolate(null)).isNull();
    }

    @Test
    void anOverrideIsClosedAndTheTextIsolated() {
        assertThat(Bidi.isolate("Titel" + RLO + "evil")).isEqualTo(Bidi.FSI + "Titel" + RLO + "evil\u202C" + Bidi.PDI);
    }

    @Test
    void aCloserThatClosesNothingOfTheTextsOwnIsDroppedSoItCannotCloseTheIsolateAroundIt() {
        // the user's PDI would otherwise close Coop's isolate and leave the override outside it
        assertThat(Bidi.isolate("x\u2069" + RLO + "y\u202C\u202C"))
                .isEqualTo(Bidi.FSI + "x" + RLO + "y\u202C" + Bidi.PDI);
        assertThat(Bidi.isolate("\u2067a\u202Bb\u2069c"))
                .as("a PDI closes the embedding opened inside its isolate")
                .isEqualTo(Bidi.FSI + "\u2067a\u202Bb\u2069c" + Bidi.PDI);
        assertThat(Bidi.isolate("a" + RLO + "b\nc")).isEqualTo(Bidi.FSI + "a" + RLO + "b\u202C\nc" + Bidi.PDI);
    }

    @Test
    void everyTextInARecordIsIsolatedAndARecordWithoutControlsIsTheSameRecord() {
        record Inner(String name, List<String> notes) {}
        record Outer(String title, Inner inner, Map<String, String> names, int n) {}

        Outer plain = new Outer("a", new Inner("b", List.of("c")), Map.of("k", "v"), 1);
        assertThat(Bidi.isolated(plain)).isSameAs(plain);

        Outer held = new Outer("a", new Inner("b", List.of("c" + RLO)), Map.of("k", RLO + "v"), 1);
        Outer isolated = Bidi.isolated(held);
        assertThat(isolated.title()).isEqualTo("a");
        assertThat(isolated.inner().notes()).containsExactly(Bidi.FSI + "c" + RLO + "\u202C" + Bidi.PDI);
        assertThat(isolated.names()).containsEntry("k", Bidi.FSI + RLO + "v\u202C" + Bidi.PDI);
        assertThat(isolated.n()).isEqualTo(1);
    }

    @Test
    void withoutControlsLeavesTheLettersOnly() {
        assertThat(Bidi.withoutControls("a" + RLO + "b\u2068c\u2069")).isEqualTo("abc");
    }
}
