package se.coop.command.demo;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationContext;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import se.coop.command.web.AgreementCommandController;
import se.coop.command.web.CommandContext;
import se.coop.command.web.CommandResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sends a request of the demo data set to the command endpoint that the HTTP API routes it to, inside this process
 * and as the user {@code secretariat}: the same controller method, the same strict JSON reading and bean validation,
 * the same {@code CommandSender} and
 * {@code CommandGuard} (metadata, locks, {@code Idempotency-Key}) — only no socket, and no password.
 */
class InProcessCommands implements DemoSeed.Transport {

    static final String USER = "secretariat";

    private final RequestMappingHandlerMapping mappings;
    private final ApplicationContext context;
    private final ObjectMapper json;
    private final Validator validator;
    private final String baseUrl;
    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();

    InProcessCommands(
            RequestMappingHandlerMapping mappings,
            ApplicationContext context,
            ObjectMapper json,
            Validator validator,
            String baseUrl) {
        this.mappings = mappings;
        this.context = context;
        this.json = json;
        this.validator = validator;
        this.baseUrl = baseUrl;
    }

    @Override
    public DemoSeed.Answer post(String idempotencyKey, String path, JsonNode body) {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping :
                mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = mapping.getKey();
            HandlerMethod handler = mapping.getValue();
            if (handler.getBeanType() != AgreementCommandController.class
                    || !info.getMethodsCondition().getMethods().contains(RequestMethod.POST)
                    || info.getPathPatternsCondition() == null) {
                continue;
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                PathPattern.PathMatchInfo match = pattern.matchAndExtract(PathContainer.parsePath(path));
                if (match != null) {
                    return invoke(handler, match.getUriVariables(), idempotencyKey, path, body);
                }
            }
        }
        throw new IllegalStateException("no command endpoint answers POST " + path);
    }

    private DemoSeed.Answer invoke(
            HandlerMethod handler, Map<String, String> pathVariables, String key, String path, JsonNode body) {
        CommandContext command = new CommandContext(
                USER, "SECRETARIAT", null, key, "coop-demo-" + UUID.randomUUID(), "POST " + path, baseUrl, null);
        MethodParameter[] parameters = handler.getMethodParameters();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            MethodParameter parameter = parameters[i];
            parameter.initParameterNameDiscovery(names);
            if (parameter.getParameterType() == CommandContext.class) {
                arguments[i] = command;
            } else if (parameter.hasParameterAnnotation(PathVariable.class)) {
                arguments[i] = pathVariables.get(parameter.getParameterName());
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                arguments[i] = body == null ? null : read(body, parameter, path);
            } else {
                throw new IllegalStateException("cannot supply " + parameter + " for POST " + path);
            }
        }
        try {
            Object result = handler.getMethod().invoke(context.getBean(handler.getBeanType()), arguments);
            ResponseEntity<?> response = (ResponseEntity<?>) result;
            CommandResponse answer = (CommandResponse) response.getBody();
            return new DemoSeed.Answer(
                    answer.agreementId(), answer.id(), response.getHeaders().containsHeader("Idempotent-Replayed"));
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private Object read(JsonNode body, MethodParameter parameter, String path) {
        Object value = json.treeToValue(body, parameter.getParameterType());
        if (parameter.hasParameterAnnotation(Valid.class)) {
            Set<ConstraintViolation<Object>> violations = validator.validate(value);
            if (!violations.isEmpty()) {
                throw new IllegalStateException("the demo data's POST " + path + " is bad input: "
                        + violations.stream()
                                .map(v -> v.getPropertyPath() + " " + v.getMessage())
                                .sorted()
                                .collect(Collectors.joining("; ")));
            }
        }
        return value;
    }
}
