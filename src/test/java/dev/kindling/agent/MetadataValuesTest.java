package dev.kindling.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.configdrive.ConfigDriveDatasource;
import dev.kindling.datasource.ec2.Ec2MetadataDatasource;
import dev.kindling.datasource.openstack.OpenStackMetadataDatasource;
import dev.kindling.plan.PlanOptions;
import dev.kindling.testing.MetadataEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metadata values are checked like user data, for each kind of source that delivers them: a
 * hostname with a NUL byte or {@code ../../x}, an instance id that is a path, a broken SSH key are
 * dropped, never written, and fetch, render and run report the same drops.
 */
@Timeout(60)
class MetadataValuesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  private static final String GOOD_KEY =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHbyGuZHDdTq1vKAVb+kupJzMZ20R7RZNGPH6D2KaI4e good@host";
  private static final String USER_DATA =
      "#cloud-config\nwrite_files:\n  - path: /etc/ip\n    content: $private_ipv4\n";

  @TempDir Path tmp;

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content, StandardCharsets.UTF_8);
  }

  /** An EC2 tree: NUL in the hostname, a path as instance id, one good and one broken key. */
  private Path ec2Fixture() throws IOException {
    Path md = tmp.resolve("ec2/latest/meta-data");
    write(tmp.resolve("ec2/latest/user-data"), USER_DATA);
    write(md.resolve("instance-id"), "../../x");
    write(md.resolve("hostname"), "evil\u0000host.ec2.internal");
    write(md.resolve("local-ipv4"), "10.0.0.5");
    write(md.resolve("public-keys/_index"), "0=good\n1=broken\n");
    write(md.resolve("public-keys/0/openssh-key"), GOOD_KEY);
    write(md.resolve("public-keys/1/openssh-key"), "ssh-rsa AAAA-not-a-key secret-comment");
    return tmp.resolve("ec2");
  }

  /** An OpenStack tree: {@code ../../x} as hostname and uuid. */
  private Path openstackFixture(Path dir) throws IOException {
    write(dir.resolve("openstack/latest/user_data"), USER_DATA);
    write(
        dir.resolve("openstack/latest/meta_data.json"),
        "{\"uuid\": \"../../x\", \"hostname\": \"../../x\", \"public_keys\": {\"good\": \""
            + GOOD_KEY
            + "\", \"broken\": \"ssh-ed25519 AAAA\"}}");
    write(dir.resolve("latest/meta-data/local-ipv4"), "10.0.0.5");
    return dir;
  }

  private Request run(DatasourceType type, String argument) throws IOException {
    Path root = Files.createDirectories(tmp.resolve("root"));
    write(root.resolve("etc/passwd"), "core:x:500:500:CoreOS Admin:/home/core:/bin/bash\n");
    write(root.resolve("etc/group"), "core:x:500:\n");
    Files.createDirectories(root.resolve("home/core"));
    return Request.run(
        SourceSelection.none().with(type, argument),
        TIMEOUT,
        root,
        SystemdMode.NONE,
        Optional.empty(),
        PlanOptions.defaults(""),
        false);
  }

  private Outcome.Applied runAgainst(DatasourceType type, String argument) throws IOException {
    Outcome outcome = new Agent(TestEnvironments.plain(tmp)).execute(run(type, argument));
    assertThat(outcome).isInstanceOf(Outcome.Applied.class);
    return (Outcome.Applied) outcome;
  }

  private JsonNode report() throws IOException {
    return new ObjectMapper().readTree(tmp.resolve("root/run/kindling/report.json").toFile());
  }

  private static List<String> strings(JsonNode array) {
    return array == null
        ? List.of()
        : java.util.stream.StreamSupport.stream(array.spliterator(), false)
            .map(JsonNode::asText)
            .toList();
  }

  /** No file below the root holds a NUL byte, a {@code ../} or the broken key. */
  private void assertNothingBadWritten() throws IOException {
    Path root = tmp.resolve("root");
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.endsWith("run/kindling/report.json")
            || f.endsWith("var/lib/kindling/last-run.json")) {
          continue; // the report (and its copy kept for kindling status) names what was dropped
        }
        String content = Files.readString(f, StandardCharsets.ISO_8859_1);
        assertThat(content).as(f.toString()).doesNotContain("\u0000", "../", "secret-comment");
      }
    }
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(files.map(root::relativize).map(Path::toString))
          .noneMatch(p -> p.contains("..") || p.equals("x"));
    }
    assertThat(root.resolve("etc/hostname")).doesNotExist();
    assertThat(root.resolve("etc/ip")).hasContent("10.0.0.5");
  }

  @Test
  void ec2_badValuesAreDroppedLoggedAndReported() throws Exception {
    try (MetadataEmulator imds =
        MetadataEmulator.start(MetadataEmulator.Flavor.EC2, ec2Fixture())) {
      String url = imds.baseUri().toString();

      Outcome.Applied applied = runAgainst(Ec2MetadataDatasource.TYPE, url);

      assertNothingBadWritten();
      assertThat(Files.readString(tmp.resolve("root/run/metadata/kindling")))
          .isEqualTo("KINDLING_EC2_IPV4_PRIVATE=10.0.0.5\n");
      List<String> dropped = strings(report().get("metadataDropped"));
      assertThat(dropped)
          .containsExactly(
              "metadata instance id dropped: character U+002F is not allowed (letters, digits and"
                  + " . _ : @ + - are)",
              "metadata hostname dropped: \"evil\\u0000host.ec2.internal\" is not a hostname:"
                  + " character U+0000 is not allowed (letters, digits and \"-\" in dot-separated"
                  + " labels)",
              "metadata SSH key \"broken\" dropped: invalid SSH key: the key data is not valid"
                  + " base64");
      assertThat(report().get("exitStatus").asInt()).isZero();
      assertThat(ExitStatus.of(applied, Launcher.KINDLING)).isEqualTo(ExitStatus.OK);
      assertThat(applied.prepared().plan().actions().toString()).contains("good@host");

      // fetch shows the same metadata and the same drops
      Outcome fetched =
          new Agent(TestEnvironments.plain(tmp))
              .execute(
                  Request.fetch(
                      SourceSelection.none().with(Ec2MetadataDatasource.TYPE, url), TIMEOUT));
      Acquired acquired = ((Outcome.Fetched) fetched).acquired();
      assertThat(acquired.dropped()).isEqualTo(dropped);
      assertThat(acquired.metadata().hostname()).isEmpty();
      assertThat(acquired.metadata().instanceId()).isEmpty();
      assertThat(acquired.metadata().sshPublicKeys()).containsOnlyKeys("good");
    }
  }

  @Test
  void openstack_pathAsHostnameAndUuid_isDroppedAndReported() throws Exception {
    try (MetadataEmulator service =
        MetadataEmulator.start(
            MetadataEmulator.Flavor.OPENSTACK, openstackFixture(tmp.resolve("os")))) {
      runAgainst(OpenStackMetadataDatasource.TYPE, service.baseUri().toString());

      assertNothingBadWritten();
      assertThat(Files.readString(tmp.resolve("root/run/metadata/kindling")))
          .isEqualTo("KINDLING_OPENSTACK_IPV4_PRIVATE=10.0.0.5\n");
      assertThat(strings(report().get("metadataDropped")))
          .containsExactly(
              "metadata instance id dropped: character U+002F is not allowed (letters, digits and"
                  + " . _ : @ + - are)",
              "metadata hostname dropped: \"../../x\" is not a hostname: \"/\" is not allowed"
                  + " (letters, digits and \"-\" in dot-separated labels)",
              "metadata SSH key \"broken\" dropped: invalid SSH key: the key data is truncated");
    }
  }

  @Test
  void configDrive_nulInHostname_isDroppedAndReported() throws Exception {
    Path drive = tmp.resolve("drive");
    write(drive.resolve("openstack/latest/user_data"), USER_DATA);
    write(
        drive.resolve("openstack/latest/meta_data.json"),
        "{\"uuid\": \"0c9f1a3e-1111-2222-3333-444455556666\", \"hostname\": \"a\\u0000b\","
            + " \"public_keys\": {\"good\": \""
            + GOOD_KEY
            + "\"}}");

    Outcome.Applied applied = runAgainst(ConfigDriveDatasource.TYPE, drive.toString());

    assertThat(tmp.resolve("root/etc/hostname")).doesNotExist();
    assertThat(Files.readString(tmp.resolve("root/run/metadata/kindling")))
        .isEqualTo("KINDLING_CONFIGDRIVE_INSTANCE_ID=0c9f1a3e-1111-2222-3333-444455556666\n");
    assertThat(strings(report().get("metadataDropped")))
        .containsExactly(
            "metadata hostname dropped: \"a\\u0000b\" is not a hostname: character U+0000 is not"
                + " allowed (letters, digits and \"-\" in dot-separated labels)");
    assertThat(applied.datasourceFailures()).isEmpty();
  }
}
