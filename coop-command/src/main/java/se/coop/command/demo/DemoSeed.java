package se.coop.command.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * One seed of the demo data set ({@code demo/*.json}): the requests a secretariat sends to the HTTP API to record a
 * cooperation, in order. A step names its path and body; {@code ${agreement:step}} and {@code ${id:step}} stand for
 * the agreement and the created id an earlier step answered. Meetings that recur are one step with {@code yearly}
 * ({@code ${year}}, {@code ${date}}: each year from {@code from} to {@code to}, or to the day the seed was first
 * loaded) or {@code next} ({@code ${startsAt}}: the first such day after it). Anchoring those on the day of the first
 * load makes every later load send the very same requests, so the seed can be loaded again and again.
 */
public final class DemoSeed {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-zA-Z]+)(?::([A-Za-z0-9-]+))?}");

    /**
     * What a command answered: the agreement, the id of what it created (or null), and whether the answer is the one
     * stored for its idempotency key (nothing was written).
     */
    public record Answer(String agreementId, String id, boolean replayed) {}

    /** Sends one request of a seed, as the secretariat, under its idempotency key. */
    @FunctionalInterface
    public interface Transport {
        Answer post(String idempotencyKey, String path, JsonNode body);
    }

    /** The day a seed was first loaded: the day its first agreement was recorded. */
    @FunctionalInterface
    public interface Anchor {
        LocalDate of(String agreementId);
    }

    private final String name;
    private final JsonNode definition;

    private DemoSeed(String name, JsonNode definition) {
        this.name = name;
        this.definition = definition;
    }

    /** Every seed of the data set, in the order of their names. */
    public static List<DemoSeed> all(ObjectMapper json) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/*.json");
            Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
            List<DemoSeed> seeds = new ArrayList<>();
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    String file = resource.getFilename();
                    seeds.add(new DemoSeed(file.substring(0, file.length() - ".json".length()), json.readTree(in)));
                }
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the demo data set", e);
        }
    }

    public static DemoSeed named(ObjectMapper json, String name) {
        return all(json).stream()
                .filter(seed -> seed.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no demo seed " + name));
    }

    public String name() {
        return name;
    }

    public String title() {
        return definition.get("title").asString();
    }

    /**
     * Sends every request of this seed through {@code transport}, each under the key {@code keyPrefix/seed/step};
     * answers by step.
     */
    public Map<String, Answer> load(String keyPrefix, Transport transport, Anchor anchor) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        LocalDate firstLoaded = null;
        for (JsonNode step : definition.get("steps")) {
            String key = step.get("key").asString();
            List<Map<String, String>> occurrences;
            if (step.has("yearly") || step.has("next")) {
                if (firstLoaded == null) {
                    firstLoaded = anchor.of(answers.values().iterator().next().agreementId());
                }
                occurrences = step.has("yearly")
                        ? yearly(step.get("yearly"), firstLoaded)
                        : List.of(next(step.get("next"), firstLoaded));
            } else {
                occurrences = List.of(Map.of());
            }
            for (Map<String, String> values : occurrences) {
                String stepKey = values.containsKey("year") ? key + "-" + values.get("year") : key;
                String path = resolve(step.get("post").asString(), values, answers);
                JsonNode body = step.has("body") ? resolve(step.get("body"), values, answers) : null;
                answers.put(stepKey, transport.post(keyPrefix + "/" + name + "/" + stepKey, path, body));
            }
        }
        return answers;
    }

    private static List<Map<String, String>> yearly(JsonNode yearly, LocalDate firstLoaded) {
        MonthDay day = MonthDay.parse("--" + yearly.get("monthDay").asString());
        int to = yearly.has("to") ? yearly.get("to").asInt() : firstLoaded.getYear();
        List<Map<String, String>> years = new ArrayList<>();
        for (int year = yearly.get("from").asInt(); year <= to; year++) {
            LocalDate date = day.atYear(year);
            if (date.isBefore(firstLoaded)) {
                years.add(Map.of("year", Integer.toString(year), "date", date.toString()));
            }
        }
        return years;
    }

    private static Map<String, String> next(JsonNode next, LocalDate firstLoaded) {
        MonthDay day = MonthDay.parse("--" + next.get("monthDay").asString());
        LocalDate date = day.atYear(firstLoaded.getYear());
        if (!date.isAfter(firstLoaded)) {
            date = day.atYear(firstLoaded.getYear() + 1);
        }
        ZoneId zone = ZoneId.of(next.has("zone") ? next.get("zone").asString() : "Europe/Stockholm");
        LocalTime time = LocalTime.parse(next.get("time").asString());
        return Map.of(
                "startsAt",
                date.atTime(time).atZone(zone).toOffsetDateTime().toString(),
                "date",
                date.toString(),
                "year",
                Integer.toString(date.getYear()));
    }

    private static JsonNode resolve(JsonNode node, Map<String, String> values, Map<String, Answer> answers) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isString()) {
            return nodes.stringNode(resolve(node.asString(), values, answers));
        }
        if (node.isObject()) {
            ObjectNode copy = nodes.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey(), resolve(field.getValue(), values, answers));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            for (JsonNode element : node) {
                copy.add(resolve(element, values, answers));
            }
            return copy;
        }
        return node;
    }

    private static String resolve(String text, Map<String, String> values, Map<String, Answer> answers) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String kind = matcher.group(1);
            String step = matcher.group(2);
            String value;
            if (step != null) {
                Answer answer = answers.get(step);
                if (answer == null) {
                    throw new IllegalStateException("the demo data names step " + step + " before it is sent");
                }
                value = switch (kind) {
                    case "agreement" -> answer.agreementId();
                    case "id" -> answer.id();
                    default -> throw new IllegalStateException("unknown demo placeholder " + matcher.group());
                };
            } else {
                value = values.get(kind);
                if (value == null) {
                    throw new IllegalStateException("unknown demo placeholder " + matcher.group());
                }
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
