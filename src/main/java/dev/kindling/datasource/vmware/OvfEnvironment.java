package dev.kindling.datasource.vmware;

import dev.kindling.datasource.DatasourceException;
import dev.kindling.datasource.SafeXml;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * The properties of an OVF environment document ({@code ovf-env.xml}): every {@code
 * PropertySection/Property} {@code key} to its {@code value}, e.g. {@code guestinfo.hostname}.
 */
final class OvfEnvironment {
  private OvfEnvironment() {}

  /** The properties in {@code xml}; {@code what} names the document in errors. */
  static Map<String, String> properties(byte[] xml, String what) throws DatasourceException {
    Element root = SafeXml.parse(xml, what, "Environment", "an OVF <Environment>");
    Map<String, String> properties = new LinkedHashMap<>();
    for (Element section : SafeXml.children(root, "PropertySection")) {
      for (Element property : SafeXml.children(section, "Property")) {
        Optional<String> key = SafeXml.attribute(property, "key");
        if (key.isPresent()) {
          properties.putIfAbsent(key.get(), SafeXml.attribute(property, "value").orElse(""));
        }
      }
    }
    return Collections.unmodifiableMap(properties);
  }
}
