package se.coop.web.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntUnaryOperator;
import se.coop.api.query.AgreementRecords;
import se.coop.query.extract.Dossier;

/**
 * The parts a dossier is rendered in, so that rendering it takes memory for one part, not for the whole (openhtmltopdf
 * lays a document out whole before it writes a byte). A part is a run of the dossier's sections in their order — the
 * front (verification, agreement, parties, signatures, decisions, amendments), meetings, documents, links, history and
 * events — holding at most {@code rows} of their rows; a long section is continued in the next part, its table's
 * header repeated. Each part starts on a new page; a dossier within one part is rendered as one. A row counts as one,
 * and a row with a long text (a meeting's summary, up to 4,000 characters, is two pages) as one more for each
 * {@link #CHARACTERS_PER_ROW} characters of it, so that a part's pages, and the time and memory its render takes,
 * follow from its rows.
 */
public record DossierParts(List<Part> parts, int rows) {

    /** Rows in one part by default: about 40 pages, some 50 MB of heap while the part is laid out. */
    public static final int ROWS = 600;

    /** A long text takes the room of a row for about this many characters (a meeting's summary in its column). */
    static final int CHARACTERS_PER_ROW = 90;

    /** The rows of one section shown in a part: {@code from} (inclusive) to {@code to} (exclusive). */
    public record Slice(int from, int to) {

        /** Whether the section starts in this part: its heading and, when it has no rows, its "none" are shown. */
        public boolean first() {
            return from == 0;
        }

        /** This part's rows of the section's {@code rows}. */
        public <T> List<T> of(List<T> rows) {
            return rows.subList(from, to);
        }
    }

    /**
     * One part: whether it holds the front, and its slice of each long section (null: the section is not in it).
     * Links are a short list, shown whole in the part they fall in.
     */
    public record Part(boolean front, Slice meetings, Slice documents, boolean links, Slice history, Slice events) {}

    /** The dossier's parts, each of at most {@code rows} rows (a section's heading counts as one). */
    public static DossierParts of(Dossier dossier, int rows) {
        List<AgreementRecords.Meeting> meetings = dossier.records().meetings();
        int front = dossier.agreement().parties().size()
                + dossier.records().signatures().size()
                + dossier.records().amendments().stream()
                        .mapToInt(amendment -> weight(amendment.summary()))
                        .sum()
                + dossier.records().decisions().stream()
                        .mapToInt(decision -> weight(String.join(", ", decision.dissents())))
                        .sum();
        return of(
                front,
                new int[] {meetings.size(), dossier.documents().documents().size()},
                i -> weight(meetings.get(i).summary()) + weight(meetings.get(i).cancelReason()) - 1,
                dossier.links().size() + dossier.linkedFrom().size(),
                dossier.history().size(),
                dossier.events().size(),
                rows);
    }

    /** The parts of a dossier with so many rows in each section, each of one, each part of at most {@code rows}. */
    static DossierParts of(int front, int meetings, int documents, int links, int history, int events, int rows) {
        return of(front, new int[] {meetings, documents}, i -> 1, links, history, events, rows);
    }

    static DossierParts of(
            int front,
            int[] meetingsAndDocuments,
            IntUnaryOperator meetingWeight,
            int links,
            int history,
            int events,
            int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("a part holds at least one row");
        }
        Planner planner = new Planner(rows);
        planner.front(1 + front);
        planner.section(0, meetingsAndDocuments[0], meetingWeight);
        planner.section(1, meetingsAndDocuments[1], i -> 1);
        planner.links(1 + links);
        planner.section(2, history, i -> 1);
        planner.section(3, events, i -> 1);
        return new DossierParts(planner.done(), planner.total);
    }

    /** A row with {@code text}: one, and one more for each {@link #CHARACTERS_PER_ROW} characters of it. */
    static int weight(String text) {
        return 1 + (text == null ? 0 : text.length() / CHARACTERS_PER_ROW);
    }

    /** Parts in the order they are rendered; never empty; and the rows they hold. */
    public DossierParts {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a dossier has at least one part");
        }
    }

    private static final class Planner {
        private final int rows;
        private final List<Part> parts = new ArrayList<>();
        private boolean front;
        private boolean links;
        private final Slice[] slices = new Slice[4];
        private int used;
        private int total;

        Planner(int rows) {
            this.rows = rows;
        }

        void front(int weight) {
            front = true;
            add(weight);
        }

        void links(int weight) {
            if (used > 0 && used + weight > rows) {
                next();
            }
            links = true;
            add(weight);
        }

        /**
         * A section of {@code size} rows, {@code weight} giving each: as many rows as fit in the part, at least one,
         * and the rest in the parts after it. The heading counts as a row, so that a section never starts as the last
         * line of a part.
         */
        void section(int index, int size, IntUnaryOperator weight) {
            int from = 0;
            do {
                int first = (from == 0 ? 1 : 0) + (from < size ? weight.applyAsInt(from) : 0);
                if (used > 0 && used + first > rows) {
                    // not even its next row fits: the section goes on in the next part
                    next();
                }
                int to = from;
                int taken = from == 0 ? 1 : 0;
                while (to < size && (to == from || used + taken + weight.applyAsInt(to) <= rows)) {
                    taken += weight.applyAsInt(to);
                    to++;
                }
                slices[index] = new Slice(from, to);
                add(taken);
                from = to;
                if (from < size) {
                    next();
                }
            } while (from < size);
        }

        private void add(int weight) {
            used += weight;
            total += weight;
        }

        private void next() {
            parts.add(new Part(front, slices[0], slices[1], links, slices[2], slices[3]));
            front = false;
            links = false;
            Arrays.fill(slices, null);
            used = 0;
        }

        List<Part> done() {
            if (used > 0 || parts.isEmpty()) {
                next();
            }
            return parts;
        }
    }
}
