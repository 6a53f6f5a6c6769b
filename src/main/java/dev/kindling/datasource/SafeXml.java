package dev.kindling.datasource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses platform XML (Azure {@code SharedConfig.xml}/{@code ovf-env.xml}, VMware OVF environment)
 * with the JDK parser hardened against XXE: DOCTYPE declarations are refused, so no external
 * entity, DTD or entity expansion is ever processed. Elements and attributes are matched by local
 * name, ignoring namespaces, as the original's Go decoder does.
 */
public final class SafeXml {
  private SafeXml() {}

  /** The root element of {@code xml}; {@code what} names the document in errors (a path). */
  public static Element parse(byte[] xml, String what) throws DatasourceException {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      builder.setErrorHandler(SILENT); // the default handler prints to stderr
      builder.setEntityResolver(
          (publicId, systemId) -> {
            throw new SAXException("external entities are not allowed");
          });
      return builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (SAXParseException e) {
      throw new DatasourceException(
          "failed to parse "
              + what
              + ": line "
              + e.getLineNumber()
              + ", column "
              + e.getColumnNumber()
              + ": "
              + e.getMessage());
    } catch (SAXException | IOException e) {
      throw new DatasourceException("failed to parse " + what + ": " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK XML parser cannot be hardened", e);
    }
  }

  /**
   * The root element of {@code xml}, which must be named {@code root}; otherwise fails with "the
   * root element is <X>, want WANT" ({@code want} e.g. {@code <SharedConfig>}).
   */
  public static Element parse(byte[] xml, String what, String root, String want)
      throws DatasourceException {
    Element element = parse(xml, what);
    if (!localName(element).equals(root)) {
      throw new DatasourceException(
          "failed to read "
              + what
              + ": the root element is <"
              + localName(element)
              + ">, want "
              + want);
    }
    return element;
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setFeature("http://xml.org/sax/features/external-general-entities", false);
    f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setXIncludeAware(false);
    f.setExpandEntityReferences(false);
    return f;
  }

  private static final ErrorHandler SILENT =
      new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXException {
          throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
          throw e;
        }
      };

  /** The local name of an element or attribute (without namespace prefix). */
  public static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  /** The direct child elements of {@code parent} named {@code name}, in document order. */
  public static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      if (nodes.item(i) instanceof Element e && localName(e).equals(name)) {
        found.add(e);
      }
    }
    return found;
  }

  /** The first direct child element of {@code parent} named {@code name}. */
  public static Optional<Element> child(Element parent, String name) {
    return children(parent, name).stream().findFirst();
  }

  /** The first element named {@code name} anywhere below {@code root}, in document order. */
  public static Optional<Element> descendant(Element root, String name) {
    NodeList nodes = root.getElementsByTagNameNS("*", name);
    return nodes.getLength() == 0 ? Optional.empty() : Optional.of((Element) nodes.item(0));
  }

  /** An attribute by local name (any namespace); empty when absent or "". */
  public static Optional<String> attribute(Element element, String name) {
    var attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      if (localName(a).equals(name) && !a.getNodeValue().isEmpty()) {
        return Optional.of(a.getNodeValue());
      }
    }
    return Optional.empty();
  }

  /** The element's text content, trimmed; empty when blank. */
  public static Optional<String> text(Element element) {
    String text = element.getTextContent().strip();
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }
}
