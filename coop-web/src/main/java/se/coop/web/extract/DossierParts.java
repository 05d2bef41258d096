package se.coop.web.extract;

import java.util.ArrayList;
import java.util.List;
import se.coop.query.extract.Dossier;

/**
 * The parts a dossier is rendered in, so that rendering it takes memory for one part, not for the whole (openhtmltopdf
 * lays a document out whole before it writes a byte). A part is a run of the dossier's sections in their order — the
 * front (verification, agreement, parties, signatures, decisions, amendments), meetings, documents, links, history and
 * events — holding at most {@code rows} of their rows; a long section is continued in the next part, its table's
 * header repeated. Each part starts on a new page; a dossier within one part is rendered as one.
 */
public record DossierParts(List<Part> parts, int rows) {

    /** Rows in one part by default: about 40 pages, some 50 MB of heap while the part is laid out. */
    public static final int ROWS = 600;

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
        if (rows < 1) {
            throw new IllegalArgumentException("a part holds at least one row");
        }
        Planner planner = new Planner(rows);
        planner.front(1
                + dossier.agreement().parties().size()
                + dossier.records().signatures().size()
                + dossier.records().decisions().size()
                + dossier.records().amendments().size());
        planner.section(0, dossier.records().meetings().size());
        planner.section(1, dossier.documents().documents().size());
        planner.links(1 + dossier.links().size() + dossier.linkedFrom().size());
        planner.section(2, dossier.history().size());
        planner.section(3, dossier.events().size());
        return new DossierParts(planner.done(), planner.total);
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
            used += weight;
            total += weight;
        }

        void links(int weight) {
            if (used > 0 && used + weight > rows) {
                next();
            }
            links = true;
            used += weight;
            total += weight;
        }

        void section(int index, int size) {
            // the heading counts as a row, so that a section never starts as the last line of a part
            int from = 0;
            do {
                if (used + 1 >= rows && used > 0) {
                    next();
                }
                int room = Math.max(1, rows - used - (from == 0 ? 1 : 0));
                int to = Math.min(size, from + room);
                slices[index] = new Slice(from, to);
                used += (to - from) + (from == 0 ? 1 : 0);
                total += (to - from) + (from == 0 ? 1 : 0);
                from = to;
            } while (from < size);
        }

        private void next() {
            parts.add(new Part(front, slices[0], slices[1], links, slices[2], slices[3]));
            front = false;
            links = false;
            java.util.Arrays.fill(slices, null);
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
