package se.coop.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What a secretariat does with one agreement, as Coop's commands: draft it with two Swedish municipalities and a
 * Danish one, submit it, each party signs and its board adopts (the last adoption brings it into force), and an annual
 * review is scheduled. Nine commands; ten events.
 */
final class LifecycleScenario {

    /** Parties by id, name and country, lead first. */
    record Party(String id, String name, String country) {}

    /** One command: where it goes and its body. */
    record Command(String name, String path, String body) {}

    static final String TEXT = "5e1f1b3a2c4d6e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f5a6b";
    static final List<String> FOCUS = List.of(
            "kompetens",
            "naringsliv",
            "valfard",
            "klimat",
            "kustskydd",
            "bostader",
            "trafik",
            "turism",
            "kultur",
            "utbildning");

    private LifecycleScenario() {}

    /** A pool of municipalities to draw parties from, so that the list filters have something to select. */
    static Party municipality(int i) {
        boolean danish = i % 4 == 3;
        return new Party(
                (danish ? "kommune-" : "kommun-") + i, danish ? "Kommune " + i : "Kommun " + i, danish ? "DK" : "SE");
    }

    static List<Party> randomParties() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int swedish = random.nextInt(40);
        int second = (swedish + 1 + random.nextInt(39)) % 40;
        return List.of(municipality(swedish * 4), municipality(second * 4), municipality(random.nextInt(10) * 4 + 3));
    }

    static String draft(String title, List<Party> parties, String focus) {
        StringBuilder body = new StringBuilder("{\"title\":{\"sv\":\"")
                .append(title)
                .append("\"},\"kind\":\"COOPERATION_AGREEMENT\",\"binding\":false,\"parties\":[");
        for (int i = 0; i < parties.size(); i++) {
            Party party = parties.get(i);
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"partyId\":\"")
                    .append(party.id())
                    .append("\",\"name\":\"")
                    .append(party.name())
                    .append("\",\"kind\":\"MUNICIPALITY\",\"country\":\"")
                    .append(party.country())
                    .append("\",\"adoptingBody\":\"")
                    .append(party.country().equals("DK") ? "Byrådet" : "Kommunstyrelsen")
                    .append("\",\"lead\":")
                    .append(i == 0)
                    .append('}');
        }
        return body.append("],\"focusAreas\":[{\"code\":\"")
                .append(focus)
                .append("\",\"title\":{\"sv\":\"")
                .append(focus)
                .append("\"}}],\"term\":{\"untilFurtherNotice\":true,\"noticePeriodMonths\":6},")
                .append("\"text\":{\"sha256\":\"")
                .append(TEXT)
                .append("\",\"title\":\"Avtal\",\"mediaType\":\"application/pdf\",\"size\":182044}}")
                .toString();
    }

    /** The commands after the draft, for the agreement {@code id}. */
    static List<Command> lifecycle(String id, List<Party> parties, LocalDate today, String startsAt) {
        String agreement = "/api/v1/agreements/" + id;
        String decided = today.minusDays(30).toString();
        String posted = today.minusDays(27).toString();
        List<Command> commands = new java.util.ArrayList<>();
        commands.add(new Command("submit", agreement + "/submission", "{}"));
        for (Party party : parties) {
            commands.add(new Command(
                    "sign",
                    agreement + "/signatures",
                    "{\"partyId\":\"" + party.id() + "\",\"textSha256\":\"" + TEXT
                            + "\",\"signatory\":{\"name\":\"Ordförande\",\"title\":\"ordförande\"},\"signedOn\":\""
                            + decided + "\"}"));
            boolean danish = party.country().equals("DK");
            commands.add(new Command(
                    "adopt",
                    agreement + "/board-decisions",
                    "{\"partyId\":\"" + party.id() + "\",\"textSha256\":\"" + TEXT + "\",\"body\":\""
                            + (danish ? "Byrådet" : "Kommunstyrelsen") + "\",\"decidedOn\":\"" + decided
                            + "\",\"caseNumber\":\"KS 2026/"
                            + ThreadLocalRandom.current().nextInt(1000, 9999)
                            + "\",\"paragraph\":\"§ 12\",\"outcome\":\"ADOPTED\""
                            + (danish ? "" : ",\"minutesPostedOn\":\"" + posted + "\"") + "}"));
        }
        commands.add(new Command(
                "review",
                agreement + "/reviews",
                "{\"kind\":\"ANNUAL_REVIEW\",\"startsAt\":\"" + startsAt + "\",\"location\":\"Rådhuset\","
                        + "\"reviewers\":[{\"name\":\"Granskare\",\"email\":\"granskare@"
                        + parties.get(0).id()
                        + ".example.org\",\"partyId\":\"" + parties.get(0).id() + "\"}]}"));
        return commands;
    }

    /** A meeting time some weeks ahead, at 13:00 in Stockholm. */
    static String meetingAhead(LocalDate today, int days) {
        return ZonedDateTime.of(today.plusDays(days).atTime(13, 0), ZoneId.of("Europe/Stockholm"))
                .toOffsetDateTime()
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
