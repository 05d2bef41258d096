package se.coop.command.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code If-Match} header as RFC 9110 (13.1.1) evaluates it: {@code *} matches any current version; otherwise a
 * list of entity tags, compared strongly — a weak tag ({@code W/"3"}) never matches, and a tag matches when it is the
 * agreement's version in quotes ({@code "3"}). A header that is no such list is refused with 400.
 */
public record IfMatch(boolean any, List<String> strongTags) {

    /** One element of the list: an optional weak prefix, a quoted tag, then a comma or the end. */
    private static final Pattern ELEMENT =
            Pattern.compile("[ \\t]*(?:(W/)?\"([\\x21\\x23-\\x7e\\x80-\\xff]*)\")?[ \\t]*(,|$)");

    public IfMatch {
        strongTags = List.copyOf(strongTags);
    }

    /** Null when the header is absent or empty. */
    public static IfMatch parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        if (header.strip().equals("*")) {
            return new IfMatch(true, List.of());
        }
        List<String> strong = new ArrayList<>();
        Matcher element = ELEMENT.matcher(header);
        int at = 0;
        boolean anyTag = false;
        while (at < header.length()) {
            if (!element.find(at) || element.start() != at || element.end() == at) {
                throw new InvalidRequestException(
                        CommandContextResolver.IF_MATCH,
                        "must be * or a list of entity tags in quotes, e.g. \"3\" (the agreement's version, as its ETag"
                                + " gives it)");
            }
            if (element.group(2) != null) {
                anyTag = true;
                if (element.group(1) == null) {
                    strong.add(element.group(2));
                }
            }
            at = element.end();
        }
        if (!anyTag) {
            return null;
        }
        return new IfMatch(false, strong);
    }

    /** Whether a resource at {@code version} (null: one without a version of its own) meets the condition. */
    public boolean matches(Long version) {
        if (any) {
            return true;
        }
        return version != null && strongTags.contains(Long.toString(version));
    }

    /** The condition as one text, for a command's metadata: {@code *}, or the strong tags after {@code tags:}. */
    public String encode() {
        return any ? "*" : "tags:" + String.join(" ", strongTags);
    }

    public static IfMatch decode(String encoded) {
        if (encoded == null) {
            return null;
        }
        if (encoded.equals("*")) {
            return new IfMatch(true, List.of());
        }
        String tags = encoded.substring("tags:".length());
        return new IfMatch(false, tags.isEmpty() ? List.of() : Arrays.asList(tags.split(" ")));
    }

    /** As a client would write it, for messages. */
    public String spelled() {
        return any
                ? "*"
                : strongTags.isEmpty()
                        ? "(weak tags only)"
                        : String.join(
                                ", ",
                                strongTags.stream().map(t -> "\"" + t + "\"").toList());
    }
}
