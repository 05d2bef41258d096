package se.coop.web;

import org.springframework.stereotype.Component;
import se.coop.documents.DocumentSettings;

/**
 * What a page's file field tells before anything is sent ({@code @uploads} in the templates): the types Coop keeps
 * (for the browser's file chooser) and the largest file, as configured.
 */
@Component("uploads")
public class UploadHints {

    private final DocumentSettings settings;

    UploadHints(DocumentSettings settings) {
        this.settings = settings;
    }

    /** The {@code accept} attribute: the media types Coop keeps. */
    public String accept() {
        return String.join(",", settings.allowedTypes());
    }

    /** The largest file, in megabytes. */
    public long maxMegabytes() {
        return settings.maxSize().toMegabytes();
    }

    /** The largest file, in bytes (the page's script checks a chosen file against it before sending). */
    public long maxBytes() {
        return settings.maxSize().toBytes();
    }
}
