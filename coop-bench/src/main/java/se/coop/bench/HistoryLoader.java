package se.coop.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.coop.api.EventChain;
import tools.jackson.core.type.TypeReference;

/**
 * Years of history in minutes: copies of one agreement's stream as Coop stored it, each with fresh ids, its own
 * parties, focus area and meeting time, cut at a random point of its life (a draft, awaiting approval, in force,
 * reviewed), and chained exactly as Coop chains ({@link EventChain}), written straight into the event store while
 * Coop is stopped. The result reads, verifies and replays like any history Coop wrote itself.
 */
final class HistoryLoader {

    private static final Pattern UUIDS =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final TypeReference<Map<String, String>> METADATA = new TypeReference<>() {};

    /** One stored event of the template, as text where it is text. */
    private record Row(
            long sequence,
            String type,
            String timestamp,
            String payloadType,
            String revision,
            String payload,
            Map<String, String> metadata) {}

    /** The placeholder in the template's title that each copy replaces with a number of its own. */
    static final String NUMBER = "BENCHNUMBER";

    private final String jdbcUrl;
    private final String user;
    private final String templateAgreement;
    private final AtomicInteger numbers = new AtomicInteger(1_000_000);
    private final List<Row> template = new ArrayList<>();
    private final Set<String> templateIds = new LinkedHashSet<>();
    private final List<LifecycleScenario.Party> templateParties;
    private final String templateFocus;
    private final String templateStartsAt;

    HistoryLoader(
            String jdbcUrl,
            String user,
            String templateAgreement,
            List<LifecycleScenario.Party> parties,
            String focus,
            String startsAt)
            throws SQLException {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.templateAgreement = templateAgreement;
        this.templateParties = parties;
        this.templateFocus = focus;
        this.templateStartsAt = startsAt;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
                PreparedStatement select = connection.prepareStatement(
                        "SELECT sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data"
                                + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number")) {
            select.setString(1, templateAgreement);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Row row = new Row(
                            rows.getLong(1),
                            rows.getString(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            new String(rows.getBytes(6), StandardCharsets.UTF_8),
                            Http.JSON.readValue(rows.getBytes(7), METADATA));
                    template.add(row);
                    collectIds(row.payload());
                    row.metadata().values().forEach(HistoryLoader.this::collectIds);
                }
            }
        }
        if (template.isEmpty()) {
            throw new IllegalStateException("template agreement " + templateAgreement + " has no events");
        }
        if (template.stream().noneMatch(row -> row.payload().contains(startsAt))) {
            throw new IllegalStateException("the template's meeting time " + startsAt + " is not stored as sent");
        }
    }

    int templateEvents() {
        return template.size();
    }

    private void collectIds(String text) {
        Matcher matcher = UUIDS.matcher(text);
        while (matcher.find()) {
            templateIds.add(matcher.group());
        }
    }

    /**
     * Writes {@code agreements} copies using {@code threads} connections; returns the events written and, in {@code
     * ids}, the agreements.
     */
    long load(int agreements, int threads, List<String> ids) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        long[] written = new long[threads];
        List<List<String>> made = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < threads; t++) {
            int worker = t;
            List<String> mine = new ArrayList<>();
            made.add(mine);
            int count = agreements / threads + (t < agreements % threads ? 1 : 0);
            Thread thread = new Thread(
                    () -> {
                        try {
                            written[worker] = write(count, mine);
                        } catch (SQLException | RuntimeException e) {
                            failure[0] = e instanceof RuntimeException runtime
                                    ? runtime
                                    : new IllegalStateException("bulk load failed", e);
                        }
                    },
                    "bench-loader-" + t);
            workers.add(thread);
            thread.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        made.forEach(ids::addAll);
        long total = 0;
        for (long w : written) {
            total += w;
        }
        return total;
    }

    private long write(int agreements, List<String> ids) throws SQLException {
        long written = 0;
        try (Connection connection = DriverManager.getConnection(
                        jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true", user, "");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry"
                        + " (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,"
                        + " payload_type, payload_revision, payload, meta_data) VALUES (?,?,?,?,?,?,?,?,?)")) {
            connection.setAutoCommit(false);
            int batched = 0;
            for (int a = 0; a < agreements; a++) {
                Map<String, String> replacements = replacements();
                String aggregate = replacements.get(templateAgreement);
                ids.add(aggregate);
                String previous = EventChain.GENESIS;
                int length = length();
                for (Row row : template.subList(0, length)) {
                    byte[] payload = replace(row.payload(), replacements).getBytes(StandardCharsets.UTF_8);
                    Map<String, String> metadata = new HashMap<>();
                    row.metadata()
                            .forEach((key, value) -> metadata.put(
                                    key,
                                    replacements
                                            .getOrDefault(
                                                    "\"" + value + "\"", "\"" + replace(value, replacements) + "\"")
                                            .replace("\"", "")));
                    String hash = EventChain.link(
                            previous,
                            aggregate,
                            row.sequence(),
                            row.payloadType(),
                            row.revision(),
                            row.timestamp(),
                            payload,
                            EventChain.metadataWithoutHash(metadata));
                    previous = hash;
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, aggregate);
                    insert.setLong(3, row.sequence());
                    insert.setString(4, row.type());
                    insert.setString(5, row.timestamp());
                    insert.setString(6, row.payloadType());
                    insert.setString(7, row.revision());
                    insert.setBytes(8, payload);
                    insert.setBytes(9, EventChain.metadataWithHash(metadata, hash));
                    insert.addBatch();
                    written++;
                    if (++batched == 1000) {
                        insert.executeBatch();
                        connection.commit();
                        batched = 0;
                    }
                }
            }
            insert.executeBatch();
            connection.commit();
        }
        return written;
    }

    /** How much of the template's life a copy gets: mostly all of it, some stop as drafts or awaiting approval. */
    private int length() {
        int roll = ThreadLocalRandom.current().nextInt(100);
        if (roll < 8) {
            return 1;
        }
        if (roll < 16) {
            return Math.min(template.size(), 5);
        }
        return template.size();
    }

    /** Fresh ids for every id in the template, and this copy's parties, focus area and meeting time. */
    private Map<String, String> replacements() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, String> replacements = new LinkedHashMap<>();
        for (String id : templateIds) {
            replacements.put(
                    id,
                    new UUID(
                                    random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L,
                                    random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L)
                            .toString());
        }
        List<LifecycleScenario.Party> parties = LifecycleScenario.randomParties();
        for (int i = 0; i < templateParties.size(); i++) {
            replacements.put(
                    "\"" + templateParties.get(i).id() + "\"",
                    "\"" + parties.get(i).id() + "\"");
            replacements.put(
                    templateParties.get(i).id() + ".example.org", parties.get(i).id() + ".example.org");
            replacements.put(
                    "\"" + templateParties.get(i).name() + "\"",
                    "\"" + parties.get(i).name() + "\"");
        }
        replacements.put(NUMBER, Integer.toString(numbers.incrementAndGet()));
        String focus = LifecycleScenario.FOCUS.get(random.nextInt(LifecycleScenario.FOCUS.size()));
        replacements.put("\"" + templateFocus + "\"", "\"" + focus + "\"");
        replacements.put(
                templateStartsAt, LifecycleScenario.meetingAhead(java.time.LocalDate.now(), 20 + random.nextInt(700)));
        return replacements;
    }

    private static String replace(String text, Map<String, String> replacements) {
        String result = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            if (result.contains(replacement.getKey())) {
                result = result.replace(replacement.getKey(), replacement.getValue());
            }
        }
        return result;
    }
}
