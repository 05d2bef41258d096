package se.coop.web;

import java.util.Set;
import org.springframework.stereotype.Component;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.ICloseElementTag;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import se.coop.api.Bidi;

/**
 * Every text a page shows is isolated from the text around it when it holds a direction control (U+202E and its
 * kin): {@link Bidi#isolate} on the text as the page writes it, after every template has run — so a title, a name or a
 * summary shown by any template cannot turn Coop's words after it, without each template having to remember it. The
 * pages put a user's text in an element of its own, so the isolate is that text. A {@code <textarea>}'s text is a
 * form's value and is left as typed, so that sending the form again changes nothing; the dossier, which the PDF
 * renderer draws without the bidirectional algorithm, shows a user's text without its direction controls.
 */
@Component
public class BidiIsolation extends AbstractDialect implements IPostProcessorDialect {

    public BidiIsolation() {
        super("coop-bidi");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, Handler.class, 1000));
    }

    /** Isolates each text that holds a direction control, outside a textarea. */
    public static final class Handler extends AbstractTemplateHandler {

        private int inTextarea;

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            if ("textarea".equalsIgnoreCase(tag.getElementCompleteName())) {
                inTextarea++;
            }
            super.handleOpenElement(tag);
        }

        @Override
        public void handleCloseElement(ICloseElementTag tag) {
            if ("textarea".equalsIgnoreCase(tag.getElementCompleteName()) && inTextarea > 0) {
                inTextarea--;
            }
            super.handleCloseElement(tag);
        }

        @Override
        public void handleText(IText text) {
            if (inTextarea > 0 || !Bidi.hasControls(text)) {
                super.handleText(text);
                return;
            }
            String shown = "dossier".equals(getContext().getTemplateData().getTemplate())
                    ? Bidi.withoutControls(text.getText())
                    : Bidi.isolate(text.getText());
            super.handleText(getContext().getModelFactory().createText(shown));
        }
    }
}
