package se.coop.web.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * How a dossier is divided into parts for a render of bounded memory (issue 28, finding 1): every row of every section
 * in exactly one part, in order; no part over its rows (a section's heading counts as one, and never ends a part); the
 * front and the links once; a dossier within one part is one part.
 */
class DossierPartsTest {

    @Test
    void everyRowOnceInOrderAndNoPartOverItsRows() {
        for (int rows : List.of(1, 2, 5, 12, 600)) {
            int[] sizes = {7, 0, 1300, 3, 950, 1211};
            DossierParts parts = DossierParts.of(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4], sizes[5], rows);

            assertThat(parts.parts().stream().filter(DossierParts.Part::front)).hasSize(1);
            assertThat(parts.parts().get(0).front()).isTrue();
            assertThat(parts.parts().stream().filter(DossierParts.Part::links)).hasSize(1);
            covers(parts, DossierParts.Part::meetings, 0);
            covers(parts, DossierParts.Part::documents, 1300);
            covers(parts, DossierParts.Part::history, 950);
            covers(parts, DossierParts.Part::events, 1211);
            assertThat(parts.rows()).isEqualTo(1 + 7 + (1 + 0) + (1 + 1300) + (1 + 3) + (1 + 950) + (1 + 1211));
            if (rows >= 12) {
                for (DossierParts.Part part : parts.parts()) {
                    assertThat(weight(part)).as("rows in a part of %d", rows).isLessThanOrEqualTo(rows);
                }
                assertThat(parts.parts().size()).isLessThanOrEqualTo(parts.rows() / rows + 6);
            }
        }
    }

    @Test
    void aSmallDossierIsOnePartAndASectionsHeadingNeverEndsAPart() {
        DossierParts one = DossierParts.of(4, 2, 10, 1, 20, 25, DossierParts.ROWS);
        assertThat(one.parts()).hasSize(1);
        DossierParts.Part whole = one.parts().get(0);
        assertThat(whole.history()).isEqualTo(new DossierParts.Slice(0, 20));
        assertThat(whole.events().first()).isTrue();

        DossierParts tight = DossierParts.of(8, 0, 30, 0, 0, 0, 10);
        for (DossierParts.Part part : tight.parts()) {
            if (part.documents() != null && part.documents().first()) {
                assertThat(part.documents().to())
                        .as("the heading comes with rows")
                        .isGreaterThan(0);
            }
        }
    }

    @Test
    void aMeetingWithALongSummaryCountsAsTheRowsItFillsSoAPartsPagesStayBounded() {
        assertThat(DossierParts.weight(null)).isEqualTo(1);
        assertThat(DossierParts.weight("x".repeat(4000))).isEqualTo(1 + 4000 / DossierParts.CHARACTERS_PER_ROW);
        // 1,100 meetings of 2,600 characters (about two pages each) and 600 documents, in parts of 600
        DossierParts parts = DossierParts.of(
                6, new int[] {1100, 600}, i -> DossierParts.weight("x".repeat(2600)), 0, 1712, 1712, 600);
        assertThat(parts.rows()).isEqualTo(7 + 1 + 1100 * 29 + 1 + 600 + 1 + 1 + 1712 + 1 + 1712);
        covers(parts, DossierParts.Part::meetings, 1100);
        for (DossierParts.Part part : parts.parts()) {
            int meetings = part.meetings() == null
                    ? 0
                    : part.meetings().to() - part.meetings().from();
            assertThat(meetings * 29)
                    .as("a part's meetings fill at most its rows")
                    .isLessThanOrEqualTo(600);
        }
        assertThat(parts.parts().size()).isBetween(parts.rows() / 600, parts.rows() / 600 + 6);
    }

    private static void covers(DossierParts parts, Function<DossierParts.Part, DossierParts.Slice> section, int size) {
        int next = 0;
        boolean headed = false;
        for (DossierParts.Part part : parts.parts()) {
            DossierParts.Slice slice = section.apply(part);
            if (slice == null) {
                continue;
            }
            assertThat(slice.from()).isEqualTo(next);
            assertThat(slice.first()).isEqualTo(!headed);
            headed = true;
            next = slice.to();
        }
        assertThat(headed).isTrue();
        assertThat(next).isEqualTo(size);
    }

    private static int weight(DossierParts.Part part) {
        int weight = part.front() ? 8 : 0;
        weight += part.links() ? 4 : 0;
        for (DossierParts.Slice slice :
                new DossierParts.Slice[] {part.meetings(), part.documents(), part.history(), part.events()}) {
            if (slice != null) {
                weight += slice.to() - slice.from() + (slice.first() ? 1 : 0);
            }
        }
        return weight;
    }
}
