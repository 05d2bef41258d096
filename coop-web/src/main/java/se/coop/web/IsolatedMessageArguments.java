package se.coop.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.messageresolver.IMessageResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.messageresolver.SpringMessageResolver;

/**
 * Every argument of a sentence a template writes ({@code #{key(${value})}}, {@code #messages.msg(…)}) is isolated when
 * it holds a direction control, as {@link Words#text} does in Java: a party name typed with U+202E in the calendar's
 * search cannot turn the rest of the sentence that quotes it. The pages' text nodes are isolated as a whole too
 * ({@link BidiIsolation}); this keeps the sentence's own words outside the user's part.
 */
@Component
public class IsolatedMessageArguments implements BeanPostProcessor {

    private final ObjectProvider<MessageSource> messages;

    public IsolatedMessageArguments(ObjectProvider<MessageSource> messages) {
        this.messages = messages;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof SpringTemplateEngine engine) {
            engine.setMessageResolver(new Isolating());
        }
        return bean;
    }

    /** Spring's message resolver, its arguments isolated first. */
    private final class Isolating implements IMessageResolver {

        private SpringMessageResolver spring;

        private SpringMessageResolver spring() {
            if (spring == null) {
                SpringMessageResolver resolver = new SpringMessageResolver();
                resolver.setMessageSource(messages.getObject());
                spring = resolver;
            }
            return spring;
        }

        @Override
        public String getName() {
            return "coop-isolated-arguments";
        }

        @Override
        public Integer getOrder() {
            return 0;
        }

        @Override
        public String resolveMessage(ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            return spring().resolveMessage(context, origin, key, Words.isolated(parameters));
        }

        @Override
        public String createAbsentMessageRepresentation(
                ITemplateContext context, Class<?> origin, String key, Object[] parameters) {
            return spring().createAbsentMessageRepresentation(context, origin, key, parameters);
        }
    }
}
