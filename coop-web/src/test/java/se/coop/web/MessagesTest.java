package se.coop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.coop.api.AgreementKind;
import se.coop.api.AgreementState;
import se.coop.api.AppealOutcome;
import se.coop.api.BoardOutcome;
import se.coop.api.DocumentKind;
import se.coop.api.ErrorCode;
import se.coop.api.LinkType;
import se.coop.api.PartyKind;
import se.coop.api.ReviewDecision;
import se.coop.api.ReviewKind;
import se.coop.api.document.StoredDocument;
import se.coop.api.query.AgreementDocuments;

/**
 * Every word the pages show has a text in every language: the message files hold the same keys, every key a template
 * names is in them, and so is every key the pages make at run time from a code — {@code error.} and every
 * {@link ErrorCode}, {@code state.} and every state, and the rest — so that no page ever shows {@code ??key??}.
 */
class MessagesTest {

    static final List<String> LANGUAGES =
            List.of("messages.properties", "messages_sv.properties", "messages_da.properties");

    /** The keys made at run time: a prefix and the names it is followed by. */
    static Map<String, List<String>> madeAtRunTime() {
        Map<String, List<String>> made = new LinkedHashMap<>();
        made.put("error.", names(ErrorCode.values()));
        made.put("state.", names(AgreementState.values()));
        made.put("kind.", names(AgreementKind.values()));
        made.put("partyKind.", names(PartyKind.values()));
        made.put("outcome.", names(BoardOutcome.values()));
        made.put("appeal.", names(AppealOutcome.values()));
        made.put("reviewKind.", names(ReviewKind.values()));
        made.put("reviewDecision.", names(ReviewDecision.values()));
        made.put("link.", names(LinkType.values()));
        made.put("linkFrom.", names(LinkType.values()));
        made.put("documentKind.", names(DocumentKind.values()));
        made.put("document.use.", names(AgreementDocuments.Act.values()));
        made.put("pdfa.", names(StoredDocument.PdfAStatus.values()));
        made.put("meeting.", List.of("SCHEDULED", "HELD", "CANCELLED"));
        made.put("dossier.meeting.", List.of("PLANNED", "HELD", "CANCELLED"));
        made.put("finality.", List.of("FINAL", "OPEN", "PENDING", "UNKNOWN", "ANNULLED"));
        return made;
    }

    @Test
    void everyLanguageHasTheSameKeys() throws IOException {
        Set<String> english = load(LANGUAGES.get(0)).stringPropertyNames();
        for (String language : LANGUAGES) {
            assertThat(new TreeSet<>(load(language).stringPropertyNames()))
                    .as(language)
                    .containsExactlyElementsOf(new TreeSet<>(english));
        }
    }

    @Test
    void everyKeyMadeAtRunTimeHasATextInEveryLanguage() throws IOException {
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            List<String> missing = new ArrayList<>();
            madeAtRunTime()
                    .forEach((prefix, names) -> names.stream()
                            .map(name -> prefix + name)
                            .filter(key -> messages.getProperty(key) == null
                                    || messages.getProperty(key).isBlank())
                            .forEach(missing::add));
            assertThat(missing).as(language + " lacks").isEmpty();
        }
    }

    @Test
    void everyKeyATemplateNamesIsThere() throws IOException {
        Pattern literal = Pattern.compile("#\\{([a-zA-Z][a-zA-Z0-9_.]*)[}(]");
        Properties english = load(LANGUAGES.get(0));
        List<String> missing = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src", "main", "resources", "templates"))) {
            for (Path template :
                    templates.filter(t -> t.toString().endsWith(".html")).toList()) {
                Matcher keys = literal.matcher(Files.readString(template));
                while (keys.find()) {
                    if (english.getProperty(keys.group(1)) == null) {
                        missing.add(template.getFileName() + ": " + keys.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyFieldTheErrorSummaryNamesHasItsLabel() throws IOException {
        for (String language : LANGUAGES) {
            Properties messages = load(language);
            assertThat(ErrorSummary.labelKeys())
                    .as(language)
                    .allSatisfy(
                            key -> assertThat(messages.getProperty(key)).as(key).isNotBlank());
        }
    }

    static Properties load(String file) throws IOException {
        Properties messages = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/" + file)) {
            assertThat(in).as(file).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }
}
