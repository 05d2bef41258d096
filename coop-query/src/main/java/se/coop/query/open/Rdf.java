package se.coop.query.open;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A small RDF graph — the catalogue and the terms are a few dozen statements — written as Turtle or as JSON-LD from
 * the same statements, so the two never say different things. Subjects are IRIs or blank nodes ({@code _:name});
 * objects IRIs, blank nodes or literals (with a datatype or a language). Statements keep the order they were made in.
 * A test reads both forms with Apache Jena and finds the same graph.
 */
final class Rdf {

    /** An object of a statement. */
    sealed interface Term permits Iri, Literal {}

    /** An IRI, or a blank node when it begins with {@code _:}. */
    record Iri(String value) implements Term {
        Iri {
            Objects.requireNonNull(value);
        }

        boolean blank() {
            return value.startsWith("_:");
        }
    }

    /** A literal with a datatype IRI (null: a plain string) or a language tag. */
    record Literal(String lexical, String datatype, String language) implements Term {
        Literal {
            Objects.requireNonNull(lexical);
        }
    }

    private record Statement(String subject, String predicate, Term object) {}

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    private final Map<String, String> prefixes = new LinkedHashMap<>();
    private final List<Statement> statements = new ArrayList<>();

    Rdf prefix(String prefix, String namespace) {
        prefixes.put(prefix, namespace);
        return this;
    }

    /** The full IRI of a prefixed name ({@code dct:title}), or the text as it is when its prefix is not known. */
    String iri(String name) {
        int colon = name.indexOf(':');
        if (colon > 0 && !name.startsWith("_:")) {
            String namespace = prefixes.get(name.substring(0, colon));
            if (namespace != null) {
                return namespace + name.substring(colon + 1);
            }
        }
        return name;
    }

    Rdf add(String subject, String predicate, Term object) {
        statements.add(new Statement(iri(subject), iri(predicate), object));
        return this;
    }

    Rdf type(String subject, String type) {
        return add(subject, RDF + "type", ref(type));
    }

    Rdf ref(String subject, String predicate, String object) {
        return add(subject, predicate, ref(object));
    }

    Rdf text(String subject, String predicate, String text, String language) {
        return add(subject, predicate, new Literal(text, null, language));
    }

    Rdf string(String subject, String predicate, String text) {
        return add(subject, predicate, new Literal(text, null, null));
    }

    Rdf typed(String subject, String predicate, String lexical, String datatype) {
        return add(subject, predicate, new Literal(lexical, iri(datatype), null));
    }

    Iri ref(String name) {
        return new Iri(iri(name));
    }

    /** The graph in Turtle (RDF 1.1), its prefixes first, the statements grouped by subject. */
    String turtle() {
        StringBuilder out = new StringBuilder();
        prefixes.forEach((prefix, namespace) -> out.append("@prefix ")
                .append(prefix)
                .append(": <")
                .append(namespace)
                .append("> .\n"));
        for (Map.Entry<String, Map<String, List<Term>>> subject : bySubject().entrySet()) {
            out.append('\n').append(node(subject.getKey()));
            boolean firstPredicate = true;
            for (Map.Entry<String, List<Term>> predicate : subject.getValue().entrySet()) {
                out.append(firstPredicate ? "\n    " : " ;\n    ")
                        .append(predicate.getKey().equals(RDF + "type") ? "a" : node(predicate.getKey()))
                        .append(' ');
                firstPredicate = false;
                List<Term> objects = predicate.getValue();
                for (int i = 0; i < objects.size(); i++) {
                    if (i > 0) {
                        out.append(",\n        ");
                    }
                    out.append(turtle(objects.get(i)));
                }
            }
            out.append(" .\n");
        }
        return out.toString();
    }

    /**
     * The graph in JSON-LD 1.1 (flattened: one node object per subject in {@code @graph}, every object written out),
     * with the prefixes as its {@code @context}: a structure Jackson writes as it is.
     */
    Map<String, Object> jsonLd() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", new LinkedHashMap<>(prefixes));
        List<Map<String, Object>> graph = new ArrayList<>();
        for (Map.Entry<String, Map<String, List<Term>>> subject : bySubject().entrySet()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("@id", compact(subject.getKey()));
            for (Map.Entry<String, List<Term>> predicate : subject.getValue().entrySet()) {
                if (predicate.getKey().equals(RDF + "type")) {
                    node.put(
                            "@type",
                            predicate.getValue().stream()
                                    .map(t -> compact(((Iri) t).value()))
                                    .toList());
                } else {
                    node.put(
                            compact(predicate.getKey()),
                            predicate.getValue().stream().map(this::jsonLd).toList());
                }
            }
            graph.add(node);
        }
        document.put("@graph", graph);
        return document;
    }

    private Map<String, Map<String, List<Term>>> bySubject() {
        Map<String, Map<String, List<Term>>> subjects = new LinkedHashMap<>();
        for (Statement statement : statements) {
            subjects.computeIfAbsent(statement.subject(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(statement.predicate(), p -> new ArrayList<>())
                    .add(statement.object());
        }
        return subjects;
    }

    private Object jsonLd(Term term) {
        Map<String, Object> value = new LinkedHashMap<>();
        if (term instanceof Iri iri) {
            value.put("@id", compact(iri.value()));
        } else if (term instanceof Literal literal) {
            value.put("@value", literal.lexical());
            if (literal.language() != null) {
                value.put("@language", literal.language());
            } else if (literal.datatype() != null) {
                value.put("@type", compact(literal.datatype()));
            }
        }
        return value;
    }

    /** An IRI as a prefixed name when a prefix covers it and the rest is a plain local name, else whole. */
    private String compact(String iri) {
        if (iri.startsWith("_:")) {
            return iri;
        }
        for (Map.Entry<String, String> prefix : prefixes.entrySet()) {
            if (iri.startsWith(prefix.getValue())) {
                String local = iri.substring(prefix.getValue().length());
                if (local.matches("[A-Za-z][A-Za-z0-9_-]*")) {
                    return prefix.getKey() + ":" + local;
                }
            }
        }
        return iri;
    }

    private String node(String iri) {
        if (iri.startsWith("_:")) {
            return iri;
        }
        String compact = compact(iri);
        return compact.equals(iri) ? "<" + escapeIri(iri) + ">" : compact;
    }

    private String turtle(Term term) {
        if (term instanceof Iri iri) {
            return node(iri.value());
        }
        Literal literal = (Literal) term;
        String quoted = '"' + escape(literal.lexical()) + '"';
        if (literal.language() != null) {
            return quoted + "@" + literal.language();
        }
        if (literal.datatype() != null) {
            return quoted + "^^" + node(literal.datatype());
        }
        return quoted;
    }

    private static String escapeIri(String iri) {
        StringBuilder out = new StringBuilder();
        iri.codePoints().forEach(c -> {
            if (c <= 0x20 || "<>\"{}|^`\\".indexOf(c) >= 0) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
