package dev.kindling.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MetadataJsonTest {
  private static Metadata read(String json) throws IOException {
    return MetadataJson.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void read_metadataObject_allFields() throws IOException {
    Metadata m =
        read(
            "{\"instanceId\":\"i-1\",\"hostname\":\"node1\",\"publicIPv4\":\"203.0.113.7\","
                + "\"privateIPv4\":\"10.0.0.5\",\"publicIPv6\":null,\"privateIPv6\":\"fd00::5\","
                + "\"sshPublicKeys\":{\"k\":\"ssh-ed25519 AAAA k\"},"
                + "\"networkConfig\":{\"format\":\"openstack\",\"content\":\"{}\"}}");
    assertEquals(Optional.of("i-1"), m.instanceId());
    assertEquals(Optional.of("10.0.0.5"), m.privateIpv4());
    assertEquals(Optional.empty(), m.publicIpv6());
    assertEquals(Map.of("k", "ssh-ed25519 AAAA k"), m.sshPublicKeys());
    assertEquals(Optional.of(new Metadata.NetworkConfig("openstack", "{}")), m.networkConfig());
  }

  @Test
  void read_wholeFetchDocument_takesItsMetadataObject() throws IOException {
    Metadata m = read("{\"source\":\"ec2-metadata\",\"metadata\":{\"privateIPv4\":\"10.0.0.5\"}}");
    assertEquals(Optional.of("10.0.0.5"), m.privateIpv4());
  }

  @Test
  void read_toJsonOutput_roundTrips() throws IOException {
    Metadata m =
        new Metadata(
            Optional.of("i-1"),
            Optional.of("h"),
            Optional.of("203.0.113.7"),
            Optional.of("10.0.0.5"),
            Optional.empty(),
            Optional.empty(),
            Map.of("a", "ssh-rsa AAAA a"),
            Optional.empty());
    assertEquals(
        m, MetadataJson.read(MetadataJson.toJson(m).toString().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void read_fieldInOtherCase_namesTheRightSpelling() {
    IOException e = assertThrows(IOException.class, () -> read("{\"privateIpv4\":\"10.0.0.5\"}"));
    assertEquals(
        "unknown metadata field \"privateIpv4\" (did you mean \"privateIPv4\"?)", e.getMessage());
  }

  @Test
  void read_unknownField_listsTheKnownOnes() {
    IOException e = assertThrows(IOException.class, () -> read("{\"private_ip\":\"10.0.0.5\"}"));
    assertEquals(
        "unknown metadata field \"private_ip\" (known fields: instanceId, hostname, publicIPv4,"
            + " privateIPv4, publicIPv6, privateIPv6, sshPublicKeys, networkConfig)",
        e.getMessage());
  }

  @Test
  void read_nonStringAddress_fails() {
    IOException e = assertThrows(IOException.class, () -> read("{\"privateIPv4\":10}"));
    assertEquals("privateIPv4 must be a string or null", e.getMessage());
  }
}
