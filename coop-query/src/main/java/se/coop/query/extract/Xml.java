package se.coop.query.extract;

import java.io.ByteArrayOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A small builder over the JDK's DOM for the package's XML: elements in a namespace, attributes, text; UTF-8 out. */
final class Xml {

    static final String XLINK = "http://www.w3.org/1999/xlink";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final Document document;

    private Xml(Document document) {
        this.document = document;
    }

    static Xml document() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return new Xml(factory.newDocumentBuilder().newDocument());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The root element, {@code name} possibly prefixed ("mets", "premis:premis"). */
    Node root(String namespace, String name) {
        Element element = document.createElementNS(namespace, name);
        document.appendChild(element);
        return new Node(element, namespace);
    }

    byte[] bytes() {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
            var transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "yes");
            transformer.setOutputProperty("{http://xml.apache.org/xslt}indent-amount", "2");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            transformer.transform(new DOMSource(document), new StreamResult(out));
            return out.toByteArray();
        } catch (TransformerException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An element being written: children in its own namespace unless told otherwise. */
    static final class Node {
        private final Element element;
        private final String namespace;

        private Node(Element element, String namespace) {
            this.element = element;
            this.namespace = namespace;
        }

        Node add(String name) {
            return add(namespace, name);
        }

        Node add(String otherNamespace, String name) {
            Element child = element.getOwnerDocument().createElementNS(otherNamespace, name);
            element.appendChild(child);
            return new Node(child, otherNamespace);
        }

        /** A child with text, or none when the text is null. */
        Node text(String name, Object text) {
            if (text != null) {
                add(name).text(text);
            }
            return this;
        }

        Node text(Object text) {
            element.setTextContent(String.valueOf(text));
            return this;
        }

        /** An attribute without a namespace; none when the value is null. */
        Node attr(String name, Object value) {
            if (value != null) {
                element.setAttribute(name, String.valueOf(value));
            }
            return this;
        }

        /** An attribute in a namespace ("xlink:href"). */
        Node attr(String attributeNamespace, String name, Object value) {
            if (value != null) {
                element.setAttributeNS(attributeNamespace, name, String.valueOf(value));
            }
            return this;
        }

        /** Declares a namespace prefix on this element. */
        Node declare(String prefix, String uri) {
            element.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, uri);
            return this;
        }
    }
}
