package se.coop.bench;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One large agreement's audit dossier as PDF, as an auditor downloads it (issue 28): an agreement in force with
 * {@code documents} documents attached and {@code reviews} meetings held, its dossier rendered, timed to the last
 * byte, its pages counted, and Coop's heap in use sampled (Micrometer's jvm.memory.used, every 50 ms) before and at
 * its highest while it renders — pages per second and megabytes of heap per hundred pages.
 */
final class DossierLoad {

    record Result(
            int documents,
            int reviews,
            int pages,
            long bytes,
            double seconds,
            long heapBeforeMiB,
            long heapPeakMiB,
            boolean inBackground,
            long liveBeforeMiB,
            long livePeakMiB,
            long heapMaxMiB) {

        double pagesPerSecond() {
            return pages / seconds;
        }

        double heapMiBPer100Pages() {
            return pages == 0 ? Double.NaN : (heapPeakMiB - heapBeforeMiB) * 100.0 / pages;
        }
    }

    private DossierLoad() {}

    static Result run(
            Http secretariat,
            Http auditor,
            Http operator,
            LocalDate today,
            int documents,
            int reviews,
            int summaryChars,
            String existing)
            throws InterruptedException {
        String id = existing != null ? existing : make(secretariat, today, documents, reviews, summaryChars);
        return render(auditor, operator, id, existing != null ? -1 : documents, existing != null ? -1 : reviews);
    }

    /** One agreement in force with {@code documents} documents and {@code reviews} meetings held; its id. */
    private static String make(Http secretariat, LocalDate today, int documents, int reviews, int summaryChars) {
        List<LifecycleScenario.Party> parties = LifecycleScenario.randomParties();
        String focus = LifecycleScenario.FOCUS.get(0);
        Http.Response drafted = secretariat.post(
                "/api/v1/agreements", LifecycleScenario.draft("Samverkan med många handlingar", parties, focus));
        String id = drafted.json().get("agreementId").asString();
        for (LifecycleScenario.Command command :
                LifecycleScenario.lifecycle(id, parties, today, LifecycleScenario.meetingAhead(today, 60))) {
            require(secretariat.post(command.path(), command.body()), command.name());
        }
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < documents; i++) {
            byte[] sha = new byte[32];
            ThreadLocalRandom.current().nextBytes(sha);
            require(
                    secretariat.post(
                            "/api/v1/agreements/" + id + "/documents",
                            "{\"title\":\"Bilaga " + (i + 1) + " – underlag till styrgruppens möte\",\"sha256\":\""
                                    + hex.formatHex(sha) + "\",\"mediaType\":\"application/pdf\",\"size\":"
                                    + (20_000 + i) + "}"),
                    "attach");
        }
        for (int i = 0; i < reviews; i++) {
            require(
                    secretariat.post(
                            "/api/v1/agreements/" + id + "/reviews",
                            "{\"kind\":\"MEETING\",\"heldOn\":\"" + today.minusDays(1L + i % 28)
                                    + "\",\"location\":\"Rådhuset\","
                                    + "\"outcome\":{\"summary\":\"" + summary(i + 1, summaryChars)
                                    + "\",\"decision\":\"CONTINUE\"}}"),
                    "held review");
        }
        return id;
    }

    private static Result render(Http auditor, Http operator, String id, int documents, int reviews)
            throws InterruptedException {
        // the read models have it before the dossier is asked for
        auditor.get("/api/v1/agreements/" + id + "/history");
        long before = heapMiB(operator);
        AtomicLong peak = new AtomicLong(before);
        AtomicBoolean rendering = new AtomicBoolean(true);
        AtomicLong live = new AtomicLong(metricMiB(operator, "jvm.gc.live.data.size"));
        long liveBefore = live.get();
        Thread sampler = new Thread(() -> {
            while (rendering.get()) {
                peak.accumulateAndGet(heapMiB(operator), Math::max);
                live.accumulateAndGet(metricMiB(operator, "jvm.gc.live.data.size"), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        java.io.ByteArrayOutputStream pdf = new java.io.ByteArrayOutputStream();
        int status;
        boolean inBackground = false;
        try {
            String asked = "/api/v1/agreements/" + id + "/dossier?format=pdf";
            status = auditor.stream(asked, in -> {
                try {
                    in.transferTo(pdf);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            if (status == 202) {
                // too large to answer in coop.extracts.answer-within: made in the background, followed to its file
                inBackground = true;
                String job = new tools.jackson.databind.json.JsonMapper()
                        .readTree(pdf.toString(java.nio.charset.StandardCharsets.UTF_8))
                        .get("jobId")
                        .asString();
                pdf.reset();
                while (!"DONE".equals(state(auditor, job))) {
                    Thread.sleep(200);
                }
                status = auditor.stream("/api/v1/extracts/" + job + "/file", in -> {
                    try {
                        in.transferTo(pdf);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        } finally {
            rendering.set(false);
            sampler.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (status != 200) {
            throw new IllegalStateException("dossier refused: " + status);
        }
        int pages;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf.toByteArray())) {
            pages = document.getNumberOfPages();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Result(
                documents,
                reviews,
                pages,
                pdf.size(),
                seconds,
                before,
                peak.get(),
                inBackground,
                liveBefore,
                live.get(),
                metricMiB(operator, "jvm.memory.max?tag=area:heap"));
    }

    private static String state(Http auditor, String job) {
        Http.Response answer = auditor.get("/api/v1/extracts/" + job);
        String state = answer.json().get("state").asString();
        if (!state.equals("RUNNING") && !state.equals("DONE")) {
            throw new IllegalStateException("the dossier's job ended " + state + ": " + answer.body());
        }
        return state;
    }

    /** A meeting's summary of about {@code chars} characters, in words. */
    private static String summary(int meeting, int chars) {
        StringBuilder text = new StringBuilder("Styrgruppen gick igenom läget för samverkan, möte " + meeting + ".");
        String[] sentences = {
            " Projektledaren redogjorde för arbetet sedan förra mötet och för de delar som ännu återstår.",
            " Parterna var överens om att fortsätta enligt plan och att återkomma till budgeten i höst.",
            " Frågan om gemensam upphandling bordlades i avvaktan på kommunernas egna beslut."
        };
        for (int i = 0; text.length() + sentences[i % 3].length() <= chars; i++) {
            text.append(sentences[i % 3]);
        }
        return text.toString();
    }

    private static void require(Http.Response answer, String what) {
        if (!answer.ok()) {
            throw new IllegalStateException(what + " refused: " + answer.status() + " " + answer.body());
        }
    }

    private static long heapMiB(Http operator) {
        return metricMiB(operator, "jvm.memory.used?tag=area:heap");
    }

    private static long metricMiB(Http operator, String metric) {
        Http.Response answer = operator.get("/actuator/metrics/" + metric);
        if (answer.status() != 200) {
            return -1;
        }
        return Math.round(answer.json().get("measurements").get(0).get("value").asDouble() / (1024 * 1024));
    }
}
