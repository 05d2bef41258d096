package se.coop.command.demo;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import se.coop.api.BusinessTime;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;
import se.coop.api.document.Documents;
import se.coop.command.CommandNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code --coop.demo=true}: records the five seed cooperations at start, as the secretariat would through the HTTP
 * API, each request under an idempotency key of its own. What is loaded already is answered from the stored answers
 * and written again nowhere, so starting twice (or on two nodes at once) gives the same data.
 */
@CommandNode
@Component
@ConditionalOnProperty(name = "coop.demo", havingValue = "true")
class DemoLoader implements ApplicationRunner {

    static final String KEY_PREFIX = "coop-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    private final InProcessCommands commands;
    private final ObjectMapper json;
    private final EventStore events;
    private final Documents documents;

    DemoLoader(
            @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            ApplicationContext context,
            ObjectMapper json,
            Validator validator,
            EventStore events,
            Documents documents,
            @Value("${coop.reminders.public-url:}") String baseUrl) {
        this.documents = documents;
        this.commands = new InProcessCommands(mappings, context, json, validator, baseUrl);
        this.json = json;
        this.events = events;
    }

    @Override
    public void run(ApplicationArguments arguments) throws IOException {
        storeDocuments();
        for (DemoSeed seed : DemoSeed.all(json)) {
            Map<String, DemoSeed.Answer> answers;
            try {
                answers = seed.load(KEY_PREFIX, commands, this::firstRecorded);
            } catch (CoopProblem e) {
                if (e.errorCode() != ErrorCode.IDEMPOTENCY_KEY_REUSED) {
                    throw e;
                }
                // an earlier version of Coop loaded this seed with other words (before its documents were real): what
                // it recorded stays as it was
                log.warn("Demo data: {} was loaded by an earlier version of Coop and is left as it is", seed.name());
                continue;
            }
            long written = answers.values().stream().filter(a -> !a.replayed()).count();
            log.info(
                    "Demo data: {} ({}): {} of {} requests written{}, agreements {}",
                    seed.name(),
                    seed.title(),
                    written,
                    answers.size(),
                    written == 0 ? " (loaded already)" : "",
                    answers.values().stream()
                            .map(DemoSeed.Answer::agreementId)
                            .distinct()
                            .toList());
        }
    }

    /**
     * The demo's documents ({@code demo/documents/*.pdf}: illustrative PDF/A files made from the seeds' words), stored
     * as an upload would store them before the seeds name them: held from the start.
     */
    private void storeDocuments() throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/documents/*.pdf");
        int stored = 0;
        for (Resource file : files) {
            try (InputStream in = file.getInputStream()) {
                if (documents.store(in, file.getFilename(), KEY_PREFIX).created()) {
                    stored++;
                }
            }
        }
        log.info("Demo data: {} documents stored ({} held already)", stored, files.length - stored);
    }

    private LocalDate firstRecorded(String agreementId) {
        return events.readEvents(agreementId)
                .asStream()
                .findFirst()
                .map(event -> LocalDate.ofInstant(event.getTimestamp(), BusinessTime.ZONE))
                .orElseThrow(() -> new IllegalStateException("agreement " + agreementId + " has no events"));
    }
}
