package se.coop.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Documents uploaded at once to a Coop with a small heap: {@code files} PDFs of {@code mib} MiB each (a page and one
 * large image stream of random bytes, each file its own, claiming PDF/A-2b in its XMP so that veraPDF reads it all),
 * sent together as {@code multipart/form-data} from disk.
 * Measured: every answer, the time until the last is stored, Coop's heap in use (Micrometer's jvm.memory.used,
 * sampled every 20 ms) and resident memory at their highest while the uploads are received and their PDF/A checks
 * run, and the time until the last check is done.
 */
final class Uploads {

    /** What one round of uploads came to. */
    record Result(
            int files,
            int mibEach,
            Integer maxHeapMiB,
            List<Integer> statuses,
            List<String> pdfaStatuses,
            double seconds,
            double slowestUploadSeconds,
            double pdfaSeconds,
            long heapBeforeMiB,
            long heapPeakMiB,
            long rssBeforeMiB,
            long rssPeakMiB) {}

    private Uploads() {}

    static Result run(String base, Http operator, CoopProcess coop, Path work, int files, int mib, Integer maxHeapMiB)
            throws Exception {
        List<Path> pdfs = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            // each round its own bytes (seeded by the heap it runs with), so that none is held already
            pdfs.add(pdf(
                    work.resolve("upload-" + i + ".pdf"),
                    mib * 1024 * 1024,
                    i + 1000 * (maxHeapMiB == null ? 0 : maxHeapMiB)));
        }
        long heapBefore = heapMiB(operator);
        long rssBefore = coop == null ? -1 : coop.residentMiB()[0];
        AtomicLong heapPeak = new AtomicLong(heapBefore);
        AtomicLong rssPeak = new AtomicLong(rssBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                heapPeak.accumulateAndGet(heapMiB(operator), Math::max);
                if (coop != null) {
                    rssPeak.accumulateAndGet(coop.residentMiB()[0], Math::max);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        String authorization = "Basic "
                + Base64.getEncoder().encodeToString("secretariat:secretariat".getBytes(StandardCharsets.UTF_8));
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long start = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(files);
        List<Future<long[]>> sent = new ArrayList<>();
        List<String> stored = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Path pdf : pdfs) {
            sent.add(senders.submit(() -> {
                long began = System.nanoTime();
                String boundary = "coop-bench-" + pdf.getFileName();
                HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/documents"))
                        .header("Authorization", authorization)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .timeout(Duration.ofMinutes(10))
                        .POST(HttpRequest.BodyPublishers.concat(
                                HttpRequest.BodyPublishers.ofString("--" + boundary
                                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                                        + pdf.getFileName() + "\"\r\nContent-Type: application/pdf\r\n\r\n"),
                                HttpRequest.BodyPublishers.ofFile(pdf),
                                HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n")))
                        .build();
                HttpResponse<String> answer = client.send(request, HttpResponse.BodyHandlers.ofString());
                java.util.regex.Matcher sha = java.util.regex.Pattern.compile("\"sha256\":\"([0-9a-f]{64})\"")
                        .matcher(answer.body());
                if (sha.find()) {
                    stored.add(sha.group(1));
                }
                return new long[] {answer.statusCode(), System.nanoTime() - began};
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        long slowest = 0;
        for (Future<long[]> answer : sent) {
            long[] done = answer.get();
            statuses.add((int) done[0]);
            slowest = Math.max(slowest, done[1]);
        }
        senders.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        // the PDF/A checks run in the background, one at a time: until none is pending
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (operator.get("/api/v1/admin/documents").json().get("pdfaPending").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("PDF/A checks still pending after 30 minutes");
            }
            Thread.sleep(100);
        }
        double pdfa = (System.nanoTime() - start) / 1e9;
        List<String> pdfaStatuses = new ArrayList<>();
        for (String sha : stored) {
            pdfaStatuses.add(operator.get("/api/v1/documents/" + sha)
                    .json()
                    .get("pdfa")
                    .get("status")
                    .asString());
        }
        sampling.set(false);
        sampler.join();
        for (Path pdf : pdfs) {
            Files.deleteIfExists(pdf);
        }
        return new Result(
                files,
                mib,
                maxHeapMiB,
                statuses,
                pdfaStatuses,
                seconds,
                slowest / 1e9,
                pdfa,
                heapBefore,
                heapPeak.get(),
                rssBefore,
                rssPeak.get());
    }

    /**
     * A PDF of about {@code size} bytes: a catalog, a page, and an image XObject whose stream is {@code seed}'s random
     * bytes (an 8-bit grey image, unfiltered), with a correct cross-reference table.
     */
    static Path pdf(Path file, int size, int seed) {
        int side = (int) Math.sqrt(Math.max(1, size - 1024));
        int length = side * side;
        byte[] pixels = new byte[length];
        new Random(seed).nextBytes(pixels);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file))) {
            List<Long> offsets = new ArrayList<>();
            long[] at = {0};
            java.util.function.Consumer<String> write = text -> {
                try {
                    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
                    out.write(bytes);
                    at[0] += bytes.length;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
            write.accept("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
            offsets.add(at[0]);
            write.accept("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /Metadata 6 0 R >>\nendobj\n");
            offsets.add(at[0]);
            write.accept("2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
            offsets.add(at[0]);
            write.accept("3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject"
                    + " << /Im1 5 0 R >> >> /Contents 4 0 R >>\nendobj\n");
            String drawing = "q 595 0 0 842 0 0 cm /Im1 Do Q";
            offsets.add(at[0]);
            write.accept(
                    "4 0 obj\n<< /Length " + drawing.length() + " >>\nstream\n" + drawing + "\nendstream\nendobj\n");
            offsets.add(at[0]);
            write.accept("5 0 obj\n<< /Type /XObject /Subtype /Image /Width " + side + " /Height " + side
                    + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " + length + " >>\nstream\n");
            out.write(pixels);
            at[0] += length;
            write.accept("\nendstream\nendobj\n");
            // it claims PDF/A-2b, so that veraPDF reads all of it (and finds it is not: no output intent, no fonts)
            String xmp = "<?xpacket begin=\"\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">"
                    + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description rdf:about=\"\""
                    + " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" pdfaid:part=\"2\" pdfaid:conformance=\"B\"/>"
                    + "</rdf:RDF></x:xmpmeta><?xpacket end=\"w\"?>";
            offsets.add(at[0]);
            write.accept("6 0 obj\n<< /Type /Metadata /Subtype /XML /Length " + xmp.length() + " >>\nstream\n" + xmp
                    + "\nendstream\nendobj\n");
            long xref = at[0];
            StringBuilder table = new StringBuilder("xref\n0 " + (offsets.size() + 1) + "\n0000000000 65535 f \n");
            for (long offset : offsets) {
                table.append(String.format("%010d 00000 n \n", offset));
            }
            write.accept(table.toString());
            write.accept(
                    "trailer\n<< /Size " + (offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static long heapMiB(Http operator) {
        Http.Response answer = operator.get("/actuator/metrics/jvm.memory.used?tag=area:heap");
        if (!answer.ok()) {
            return -1;
        }
        return Math.round(answer.json().get("measurements").get(0).get("value").asDouble() / (1024 * 1024));
    }
}
