package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.MetadataJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceStateTest {
  /** What the state file held when it was written with an ObjectMapper: the same bytes now. */
  private static String withObjectMapper(String datasource, String id, Metadata metadata)
      throws IOException {
    ObjectNode json = MetadataJson.toJson(metadata);
    json.remove("networkConfig");
    json.put("datasource", datasource);
    json.put("instance", id);
    return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + "\n";
  }

  @Test
  void metadataJson_everyField_sameBytesAsTheObjectMapperWrote() throws IOException {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("zeta", "ssh-ed25519 AAAAC3Nza zeta@host");
    keys.put("alpha \"quoted\" é", "ssh-rsa AAAAB3Nza\tα\u0001");
    Metadata metadata =
        new Metadata(
            Optional.of("i-0abc"),
            Optional.of("node-1.example.internal"),
            Optional.of("203.0.113.5"),
            Optional.of("10.0.0.5"),
            Optional.of("2001:db8::5"),
            Optional.of("fd00::5"),
            keys,
            Optional.of(new Metadata.NetworkConfig("openstack", "{\"links\": []}")));

    String written =
        new String(
            InstanceState.metadataJson("ec2-metadata", "i-0abc", metadata), StandardCharsets.UTF_8);

    assertThat(written)
        .isEqualTo(withObjectMapper("ec2-metadata", "i-0abc", metadata))
        .doesNotContain("networkConfig")
        .doesNotContain("links");
  }

  @Test
  void metadataJson_nothingKnown_sameBytesAsTheObjectMapperWrote() throws IOException {
    String written =
        new String(
            InstanceState.metadataJson("local-file", "userdata-0123456789abcdef", Metadata.empty()),
            StandardCharsets.UTF_8);

    assertThat(written)
        .isEqualTo(withObjectMapper("local-file", "userdata-0123456789abcdef", Metadata.empty()))
        .contains("\"sshPublicKeys\" : { }")
        .contains("\"hostname\" : null");
  }
}
