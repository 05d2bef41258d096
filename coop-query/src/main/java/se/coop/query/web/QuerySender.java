package se.coop.query.web;

import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import se.coop.api.CoopProblem;
import se.coop.api.ErrorCode;

/** Sends a query to its read model and waits for the answer, with the read model's own exceptions unwrapped. */
@Component
public class QuerySender {

    private final QueryGateway gateway;

    public QuerySender(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R one(Object query, Class<R> type) {
        return join(() -> gateway.query(query, ResponseTypes.instanceOf(type)).join());
    }

    public <R> R found(Object query, Class<R> type, String notFound) {
        return optional(query, type).orElseThrow(() -> new CoopProblem(ErrorCode.AGREEMENT_NOT_FOUND, notFound));
    }

    public <R> Optional<R> optional(Object query, Class<R> type) {
        return join(() ->
                gateway.query(query, ResponseTypes.optionalInstanceOf(type)).join());
    }

    private static <R> R join(java.util.function.Supplier<R> call) {
        try {
            return call.get();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            while (cause != null && cause.getCause() != null && !(cause instanceof CoopProblem)) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
