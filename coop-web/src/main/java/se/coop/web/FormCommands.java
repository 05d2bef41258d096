package se.coop.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.WebUtils;
import se.coop.api.CoopProblem;
import se.coop.api.document.StoredDocument;
import se.coop.command.web.CommandContext;
import se.coop.command.web.CommandResponse;
import se.coop.command.web.InvalidRequestException;
import se.coop.command.web.Violation;
import se.coop.documents.DocumentController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A form sent from a page becomes exactly the request a client of the HTTP API would send: its fields become the
 * JSON body, read by the API's own JSON mapper (Coop's input rules) and checked by the same bean validation, then
 * handed to the API's controller method with the page's user, the version the page showed ({@code If-Match}) and the
 * form's own idempotency key. What the API would answer as a problem comes back as one, field by field.
 */
@Component
public class FormCommands {

    /** How a form field becomes JSON. */
    public enum Kind {
        TEXT,
        NUMBER,
        BOOLEAN,
        /** one value per line */
        LINES,
        /** a {@code datetime-local} input, read in the agreement's time zone */
        LOCAL_DATE_TIME,
        /** one reviewer per line: name; e-mail; party id */
        REVIEWERS,
        /** values separated by commas: a list of codes (a select's option "SIGNATURE,BOARD_ADOPTION") */
        CODES,
        /** whole numbers separated by commas or spaces */
        NUMBERS,
        /** one focus area per line: code; Swedish title; Danish title; English title (the titles after the first optional) */
        FOCUS_AREAS,
        /** every value sent under the field's name (checkboxes of one name, a multiple select): a list */
        CHOICES
    }

    /** What a submitted form came to: the API's answer, or its problem. */
    public record Outcome(CommandResponse response, Problem problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    /** A problem as a page shows it: its code, the API's detail, and each field's reason. */
    public record Problem(String errorCode, int status, String detail, Map<String, String> fields) {}

    /**
     * A file field of a form ({@code part}): the file is uploaded to the document store first, and the form's request
     * names it by its hash in {@code shaField}; {@code nameField}, where there is one and the form leaves it empty,
     * takes the file's name. A file uploaded by an earlier sending of the form comes back as the hash alone.
     */
    public record Upload(String part, String shaField, String nameField) {}

    /** The request attribute holding what a form's uploads gave, by field, for the form shown again. */
    public static final String UPLOADED = FormCommands.class.getName() + ".uploaded";

    /** The API call a form stands for. */
    @FunctionalInterface
    public interface Call<T> {
        ResponseEntity<CommandResponse> send(CommandContext context, T body);
    }

    private static final Pattern INDEXED = Pattern.compile("(\\w+)\\[(\\d+)]");
    private static final int MAX_ROWS = 100;

    private final ObjectMapper json;
    private final Validator validator;
    private final ProblemDescriber problems;
    private final Permissions permissions;
    private final ObjectProvider<DocumentController> documents;

    FormCommands(
            ObjectMapper json,
            Validator validator,
            ProblemDescriber problems,
            Permissions permissions,
            ObjectProvider<DocumentController> documents) {
        this.json = json;
        this.validator = validator;
        this.problems = problems;
        this.permissions = permissions;
        this.documents = documents;
    }

    /** A fresh idempotency key for a form being rendered. */
    public static String newKey() {
        return "page-" + UUID.randomUUID();
    }

    /**
     * Sends one form: {@code apiPath} is the API endpoint it stands for (whose authorization applies), {@code fields}
     * the form's fields by their JSON path (a dot for nesting) and kind, {@code zone} the time zone of local times.
     */
    public <T> Outcome send(
            HttpServletRequest request,
            String apiPath,
            boolean carriesVersion,
            Map<String, Kind> fields,
            Supplier<ZoneId> zone,
            Class<T> type,
            Call<T> call) {
        return send(request, apiPath, carriesVersion, fields, zone, type, call, List.of());
    }

    /**
     * Sends one form with file fields: each file is uploaded to the document store first (as {@code POST
     * /api/v1/documents} would), then the form's request names it by its hash — in one submit. A refused upload is
     * the file field's problem, and the command is not sent.
     */
    public <T> Outcome send(
            HttpServletRequest request,
            String apiPath,
            boolean carriesVersion,
            Map<String, Kind> fields,
            Supplier<ZoneId> zone,
            Class<T> type,
            Call<T> call,
            List<Upload> uploads) {
        return send(request, apiPath, carriesVersion, fields, Set.of(), zone, type, call, uploads);
    }

    /**
     * Sends one form whose fields {@code required} must be filled in: a form that stands for one variant of an API
     * request (a meeting held, not planned) names them, so that every missing one is named at once, with whatever
     * else the API's validation finds — not one at a time as the API's either-or would.
     */
    public <T> Outcome send(
            HttpServletRequest request,
            String apiPath,
            boolean carriesVersion,
            Map<String, Kind> fields,
            Set<String> required,
            Supplier<ZoneId> zone,
            Class<T> type,
            Call<T> call,
            List<Upload> uploads) {
        permissions.require("POST", apiPath);
        try {
            CommandContext context = CommandContext.of(
                    SecurityContextHolder.getContext().getAuthentication(),
                    carriesVersion ? version(request.getParameter("version")) : null,
                    blank(request.getParameter("idempotencyKey")),
                    "POST " + request.getContextPath() + apiPath,
                    ServletUriComponentsBuilder.fromContextPath(request).toUriString());
            Map<String, String> uploaded = upload(request, uploads);
            T body = type == Void.class ? null : read(request, fields, required, zone, type, uploaded);
            return new Outcome(call.send(context, body).getBody(), null);
        } catch (Exception e) {
            return new Outcome(null, problem(problems.describe(e)));
        }
    }

    /**
     * Uploads the form's files without sending the form (a form shown again to add a row): what they gave is kept in
     * the request ({@link #UPLOADED}), so the files need not be chosen again; a refused upload is its field's problem.
     */
    public Problem keepUploads(HttpServletRequest request, List<Upload> uploads) {
        try {
            upload(request, uploads);
            return null;
        } catch (Exception e) {
            return problem(problems.describe(e));
        }
    }

    /** Uploads the form's files, and answers the fields that name them (the hash; the name where left empty). */
    private Map<String, String> upload(HttpServletRequest request, List<Upload> uploads) throws Exception {
        Map<String, String> uploaded = new LinkedHashMap<>();
        request.setAttribute(UPLOADED, uploaded);
        MultipartHttpServletRequest multipart = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
        if (multipart == null) {
            return uploaded;
        }
        for (Upload upload : uploads) {
            MultipartFile file = multipart.getFile(upload.part());
            if (file == null
                    || (file.isEmpty()
                            && (file.getOriginalFilename() == null
                                    || file.getOriginalFilename().isEmpty()))) {
                continue;
            }
            permissions.require("POST", UploadForms.API);
            DocumentController store = documents.getObject();
            try {
                StoredDocument stored = store.store(file, request.getUserPrincipal());
                uploaded.put(upload.shaField(), stored.sha256());
                if (upload.nameField() != null
                        && blank(request.getParameter(upload.nameField())) == null
                        && stored.fileName() != null) {
                    uploaded.put(upload.nameField(), stored.fileName());
                }
            } catch (CoopProblem refused) {
                // the file field's problem, named by the field the person sees
                throw new CoopProblem(refused.errorCode(), refused.getMessage(), upload.part());
            }
        }
        return uploaded;
    }

    /** The version the page showed, which the form carries as its If-Match. */
    private static Long version(String value) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(
                    "version", "must be the version of the agreement the page showed, a whole number");
        }
    }

    /**
     * The form as the API's request body {@code type}: read by the API's JSON mapper and checked by its bean validation;
     * what either refuses is thrown as the API would answer it ({@link ProblemDescriber}). {@code zone} is asked for only
     * when a field holds a local time.
     */
    public <T> T read(HttpServletRequest request, Map<String, Kind> fields, Supplier<ZoneId> zone, Class<T> type) {
        return read(request, fields, Set.of(), zone, type, Map.of());
    }

    /** The same, every field of {@code required} filled in as well (see {@link #send}). */
    public <T> T read(
            HttpServletRequest request,
            Map<String, Kind> fields,
            Set<String> required,
            Supplier<ZoneId> zone,
            Class<T> type) {
        return read(request, fields, required, zone, type, Map.of());
    }

    private <T> T read(
            HttpServletRequest request,
            Map<String, Kind> fields,
            Set<String> required,
            Supplier<ZoneId> zone,
            Class<T> type,
            Map<String, String> uploaded) {
        List<Violation> missing = new ArrayList<>();
        for (String field : required.stream().sorted().toList()) {
            String given = request.getParameter(field);
            if ((given == null || given.isBlank()) && !uploaded.containsKey(field)) {
                missing.add(new Violation(field, "must not be blank"));
            }
        }
        try {
            T value = validated(request, fields, zone, type, uploaded);
            if (!missing.isEmpty()) {
                throw new InvalidRequestException(missing);
            }
            return value;
        } catch (InvalidRequestException invalid) {
            if (missing.isEmpty()) {
                throw invalid;
            }
            List<Violation> all = new ArrayList<>(missing);
            invalid.violations().stream()
                    .filter(v -> missing.stream().noneMatch(m -> m.field().equals(v.field())))
                    .forEach(all::add);
            throw new InvalidRequestException(all);
        }
    }

    private <T> T validated(
            HttpServletRequest request,
            Map<String, Kind> fields,
            Supplier<ZoneId> zone,
            Class<T> type,
            Map<String, String> uploaded) {
        ObjectNode body = body(request, fields, zone);
        uploaded.forEach((field, value) -> put(body, field, JsonNodeFactory.instance.stringNode(value)));
        // a field the API's JSON reading refuses (a term that contradicts itself, a value of the wrong kind) is named,
        // and the form read again without it, so that every other problem of the form is named at once too
        List<Violation> unreadable = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        T value = null;
        while (value == null) {
            try {
                value = json.treeToValue(body, type);
            } catch (tools.jackson.core.JacksonException e) {
                String path = drop(body, e.getPath());
                if (path == null || dropped.size() >= MAX_ROWS) {
                    if (unreadable.isEmpty()) {
                        throw e;
                    }
                    throw new InvalidRequestException(unreadable);
                }
                dropped.add(path);
                problem(problems.describe(e)).fields().forEach((f, m) -> unreadable.add(new Violation(f, m)));
            }
        }
        // the API's own wording (English), whatever the page's language: Reasons puts it in the page's words
        java.util.Locale page = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        Set<ConstraintViolation<T>> violations;
        try {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.ENGLISH);
            violations = validator.validate(value);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(page);
        }
        List<Violation> list = new ArrayList<>(unreadable);
        violations.stream()
                .sorted(java.util.Comparator.comparing(v -> v.getPropertyPath().toString()))
                // a field dropped as unreadable is missing now: its own problem is named already
                .filter(v -> dropped.stream()
                        .noneMatch(d -> within(v.getPropertyPath().toString(), d)))
                .forEach(v -> list.add(new Violation(v.getPropertyPath().toString(), v.getMessage())));
        if (!list.isEmpty()) {
            throw new InvalidRequestException(list);
        }
        return value;
    }

    private static boolean within(String path, String dropped) {
        return path.equals(dropped) || path.startsWith(dropped + ".") || path.startsWith(dropped + "[");
    }

    /**
     * Takes the node at {@code path} out of the body (an array's member becomes null, so the others keep their
     * places), answering its path as the API names fields; null when there is no such node.
     */
    private static String drop(ObjectNode body, List<tools.jackson.core.JacksonException.Reference> path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        JsonNode node = body;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < path.size(); i++) {
            tools.jackson.core.JacksonException.Reference step = path.get(i);
            boolean last = i == path.size() - 1;
            if (step.getIndex() >= 0 && node instanceof ArrayNode array && step.getIndex() < array.size()) {
                name.append('[').append(step.getIndex()).append(']');
                if (last) {
                    array.set(step.getIndex(), JsonNodeFactory.instance.nullNode());
                    return name.toString();
                }
                node = array.get(step.getIndex());
            } else if (step.getPropertyName() != null
                    && node instanceof ObjectNode object
                    && object.has(step.getPropertyName())) {
                name.append(name.isEmpty() ? "" : ".").append(step.getPropertyName());
                if (last) {
                    object.remove(step.getPropertyName());
                    return name.toString();
                }
                node = object.get(step.getPropertyName());
            } else {
                return null;
            }
        }
        return null;
    }

    /**
     * One part of the form's request ({@code field}, a top-level member) as {@code type}, when it reads: for a page
     * that checks it by a rule of the domain beside the form's own problems. Empty when it does not read.
     */
    public <T> java.util.Optional<T> readPart(
            HttpServletRequest request, Map<String, Kind> fields, String field, Supplier<ZoneId> zone, Class<T> type) {
        JsonNode part = body(request, fields, zone).get(field);
        if (part == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(json.treeToValue(part, type));
        } catch (RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The JSON body the form's fields stand for; an empty field is left out, as a client would leave it out. */
    static ObjectNode body(HttpServletRequest request, Map<String, Kind> fields, Supplier<ZoneId> zone) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        ObjectNode body = nodes.objectNode();
        for (Map.Entry<String, Kind> field : fields.entrySet()) {
            if (field.getValue() == Kind.CHOICES) {
                String[] chosen = request.getParameterValues(field.getKey());
                if (chosen != null && chosen.length > 0) {
                    tools.jackson.databind.node.ArrayNode list = nodes.arrayNode();
                    java.util.Arrays.stream(chosen).map(String::strip).forEach(list::add);
                    put(body, field.getKey(), list);
                }
                continue;
            }
            String raw = request.getParameter(field.getKey());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String value = raw.strip();
            JsonNode node = switch (field.getValue()) {
                case TEXT -> nodes.stringNode(value);
                case NUMBER -> number(value);
                case BOOLEAN -> bool(value);
                case LINES -> lines(raw);
                case LOCAL_DATE_TIME -> nodes.stringNode(offset(field.getKey(), value, zone.get()));
                case REVIEWERS -> reviewers(raw);
                case CODES -> codes(value);
                case NUMBERS -> numbers(value);
                case FOCUS_AREAS -> focusAreas(raw);
                case CHOICES -> throw new IllegalStateException("read above");
            };
            put(body, field.getKey(), node);
        }
        compact(body);
        return body;
    }

    /** A checkbox ("on") or a yes/no choice; anything else goes on as text, for the API to refuse. */
    private static JsonNode bool(String value) {
        return switch (value) {
            case "true", "on" -> JsonNodeFactory.instance.booleanNode(true);
            case "false" -> JsonNodeFactory.instance.booleanNode(false);
            default -> JsonNodeFactory.instance.stringNode(value);
        };
    }

    private static JsonNode number(String value) {
        try {
            return JsonNodeFactory.instance.numberNode(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.stringNode(value);
        }
    }

    private static ArrayNode lines(String raw) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String line : raw.split("\\R")) {
            if (!line.isBlank()) {
                array.add(line.strip());
            }
        }
        return array;
    }

    private static ArrayNode codes(String value) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String code : value.split(",")) {
            if (!code.isBlank()) {
                array.add(code.strip());
            }
        }
        return array;
    }

    /** "7, 30" as [7, 30]; what is not a whole number goes on as text, for the API to refuse. */
    private static ArrayNode numbers(String value) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String part : value.split("[,\\s]+")) {
            if (!part.isBlank()) {
                array.add(number(part));
            }
        }
        return array;
    }

    /** "code; Swedish title; Danish title; English title" per line, a title left out when empty. */
    private static ArrayNode focusAreas(String raw) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        String[] languages = {"sv", "da", "en"};
        for (String line : raw.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(";", -1);
            ObjectNode area = array.addObject();
            if (!parts[0].isBlank()) {
                area.put("code", parts[0].strip());
            }
            ObjectNode title = area.putObject("title");
            for (int i = 0; i < languages.length && i + 1 < parts.length; i++) {
                if (!parts[i + 1].isBlank()) {
                    title.put(languages[i], parts[i + 1].strip());
                }
            }
        }
        return array;
    }

    /** "name; e-mail; party id" per line, each part left out when empty, so the API names what is missing. */
    private static ArrayNode reviewers(String raw) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (String line : raw.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split(";", -1);
            ObjectNode reviewer = array.addObject();
            String[] names = {"name", "email", "partyId"};
            for (int i = 0; i < names.length && i < parts.length; i++) {
                if (!parts[i].isBlank()) {
                    reviewer.put(names[i], parts[i].strip());
                }
            }
        }
        return array;
    }

    /** A local date and time as the instant it is in {@code zone}; what cannot be read is passed on to be refused. */
    private static String offset(String field, String value, ZoneId zone) {
        try {
            LocalDateTime local = LocalDateTime.parse(value);
            if (zone.getRules().getValidOffsets(local).isEmpty()) {
                throw new InvalidRequestException(
                        field, "this local time does not exist in " + zone.getId() + ": the clocks go forward then");
            }
            return local.atZone(zone).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toString();
            } catch (DateTimeParseException notEither) {
                return value;
            }
        }
    }

    /**
     * Sets {@code path} ("term.endsOn", "parties[2].name") in {@code body}; list elements left out by the form (a blank
     * row) are dropped afterwards by {@link #compact}.
     */
    private static void put(ObjectNode body, String path, JsonNode value) {
        String[] parts = path.split("\\.");
        ObjectNode at = body;
        for (int i = 0; i < parts.length; i++) {
            boolean last = i == parts.length - 1;
            Matcher indexed = INDEXED.matcher(parts[i]);
            if (indexed.matches()) {
                int index = Integer.parseInt(indexed.group(2));
                if (index >= MAX_ROWS) {
                    return;
                }
                ArrayNode array = at.get(indexed.group(1)) instanceof ArrayNode existing
                        ? existing
                        : at.putArray(indexed.group(1));
                while (array.size() <= index) {
                    array.addNull();
                }
                if (last) {
                    array.set(index, value);
                    return;
                }
                if (!(array.get(index) instanceof ObjectNode)) {
                    array.set(index, JsonNodeFactory.instance.objectNode());
                }
                at = (ObjectNode) array.get(index);
            } else {
                if (last) {
                    at.set(parts[i], value);
                    return;
                }
                if (!(at.get(parts[i]) instanceof ObjectNode)) {
                    at.putObject(parts[i]);
                }
                at = (ObjectNode) at.get(parts[i]);
            }
        }
    }

    /** Drops the rows a form left blank from every list. */
    private static void compact(JsonNode node) {
        if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                if (array.get(i).isNull()) {
                    array.remove(i);
                }
            }
        }
        for (JsonNode child : node) {
            compact(child);
        }
    }

    public static Problem problem(ProblemDetail detail) {
        Map<String, String> fields = new LinkedHashMap<>();
        Object violations =
                detail.getProperties() == null ? null : detail.getProperties().get("violations");
        if (violations instanceof List<?> list) {
            for (Object item : list) {
                // If-Match is the version the page carried: its problem is the page's, not a field's
                if (item instanceof Violation violation
                        && violation.field() != null
                        && !violation.field().equals("If-Match")) {
                    fields.merge(violation.field(), violation.message(), (a, b) -> a + "; " + b);
                }
            }
        }
        Object code =
                detail.getProperties() == null ? null : detail.getProperties().get("errorCode");
        return new Problem(
                code == null ? "INTERNAL_ERROR" : code.toString(), detail.getStatus(), detail.getDetail(), fields);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
