package dev.kindling.plan;

import static dev.kindling.config.FieldKind.BOOL;
import static dev.kindling.config.FieldKind.FLOAT;
import static dev.kindling.config.FieldKind.INT;
import static dev.kindling.config.FieldKind.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.config.EnvSection;
import dev.kindling.config.SchemaField;
import dev.kindling.config.ServiceTables;
import dev.kindling.config.StructSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The drop-in renderer against upstream's goldens (system/env_test.go, etcd_test.go, fleet_test.go,
 * locksmith_test.go and outputs of upstream's own rendering code) and our fixes
 * (docs/compatibility.md#environment-values-are-escaped).
 */
class EnvDropInsTest {
  private static final StructSchema ABCD =
      new StructSchema(
          "abcd",
          List.of(
              SchemaField.of("a", STRING, "").env("A"),
              SchemaField.of("b", INT, "").env("B"),
              SchemaField.of("c", BOOL, "").env("C"),
              SchemaField.of("d", FLOAT, "").env("D")));

  private static EnvSection section(StructSchema table, Object... keyValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new EnvSection(table, values);
  }

  @Test
  void render_envTestGolden_exactText() {
    assertThat(EnvDropIns.render(section(ABCD, "a", "hi", "b", 1L, "c", true, "d", 0.12345)))
        .isEqualTo(
            "[Service]\nEnvironment=\"A=hi\"\nEnvironment=\"B=1\"\n"
                + "Environment=\"C=true\"\nEnvironment=\"D=0.12345\"\n");
  }

  @Test
  void render_envTestFloats_goFormat() {
    StructSchema floats =
        new StructSchema(
            "floats",
            List.of(
                SchemaField.of("a", FLOAT, "").env("A"),
                SchemaField.of("b", FLOAT, "").env("B"),
                SchemaField.of("c", FLOAT, "").env("C"),
                SchemaField.of("d", FLOAT, "").env("D")));
    assertThat(
            EnvDropIns.render(section(floats, "a", 0.000001, "b", 1.0, "c", 0.9999999, "d", 0.1)))
        .isEqualTo(
            "[Service]\nEnvironment=\"A=1e-06\"\nEnvironment=\"B=1\"\n"
                + "Environment=\"C=0.9999999\"\nEnvironment=\"D=0.1\"\n");
  }

  @Test
  void render_etcdTestGolden_tableOrder() {
    EnvSection etcd =
        section(
            ServiceTables.ETCD,
            "discovery",
            "http://disco.example.com/foobar",
            "peer_bind_addr",
            "127.0.0.1:7002",
            "name",
            "node001");
    assertThat(EnvDropIns.render(etcd))
        .isEqualTo(
            "[Service]\n"
                + "Environment=\"ETCD_DISCOVERY=http://disco.example.com/foobar\"\n"
                + "Environment=\"ETCD_NAME=node001\"\n"
                + "Environment=\"ETCD_PEER_BIND_ADDR=127.0.0.1:7002\"\n");
  }

  @Test
  void render_etcdHarnessGolden_exactText() {
    EnvSection etcd =
        section(
            ServiceTables.ETCD,
            "name",
            "n1",
            "addr",
            "1.2.3.4:4001",
            "discovery",
            "https://d/x",
            "peer_addr",
            "1.2.3.4:7001",
            "snapshot_count",
            5L,
            "snapshot",
            true,
            "cluster_remove_delay",
            1.5,
            "cors",
            "*",
            "trace",
            "t");
    assertThat(EnvDropIns.render(etcd))
        .isEqualTo(
            "[Service]\n"
                + "Environment=\"ETCD_ADDR=1.2.3.4:4001\"\n"
                + "Environment=\"ETCD_CLUSTER_REMOVE_DELAY=1.5\"\n"
                + "Environment=\"ETCD_CORS=*\"\n"
                + "Environment=\"ETCD_DISCOVERY=https://d/x\"\n"
                + "Environment=\"ETCD_NAME=n1\"\n"
                + "Environment=\"ETCD_PEER_ADDR=1.2.3.4:7001\"\n"
                + "Environment=\"ETCD_SNAPSHOT=true\"\n"
                + "Environment=\"ETCD_SNAPSHOTCOUNT=5\"\n"
                + "Environment=\"ETCD_TRACE=t\"\n");
  }

  @Test
  void render_fleetHarnessGolden_exactText() {
    EnvSection fleet =
        section(
            ServiceTables.FLEET,
            "public_ip",
            "1.2.3.4",
            "metadata",
            "a=b,c=d",
            "verbosity",
            2L,
            "engine_reconcile_interval",
            0.5,
            "etcd_request_timeout",
            1e-7,
            "disable_engine",
            true);
    assertThat(EnvDropIns.render(fleet))
        .isEqualTo(
            "[Service]\n"
                + "Environment=\"FLEET_DISABLE_ENGINE=true\"\n"
                + "Environment=\"FLEET_ENGINE_RECONCILE_INTERVAL=0.5\"\n"
                + "Environment=\"FLEET_ETCD_REQUEST_TIMEOUT=1e-07\"\n"
                + "Environment=\"FLEET_METADATA=a=b,c=d\"\n"
                + "Environment=\"FLEET_PUBLIC_IP=1.2.3.4\"\n"
                + "Environment=\"FLEET_VERBOSITY=2\"\n");
  }

  @Test
  void render_fleetTestGolden_publicIp() {
    assertThat(EnvDropIns.render(section(ServiceTables.FLEET, "public_ip", "12.34.56.78")))
        .isEqualTo("[Service]\nEnvironment=\"FLEET_PUBLIC_IP=12.34.56.78\"\n");
  }

  @Test
  void render_locksmithHarnessGolden_exactText() {
    EnvSection locksmith =
        section(
            ServiceTables.LOCKSMITH,
            "endpoint",
            "http://e:2379",
            "group",
            "g",
            "window_start",
            "Sun 1:00",
            "window_length",
            "1h",
            "etcd_password",
            "p w");
    assertThat(EnvDropIns.render(locksmith))
        .isEqualTo(
            "[Service]\n"
                + "Environment=\"LOCKSMITHD_ENDPOINT=http://e:2379\"\n"
                + "Environment=\"LOCKSMITHD_ETCD_PASSWORD=p w\"\n"
                + "Environment=\"LOCKSMITHD_GROUP=g\"\n"
                + "Environment=\"REBOOT_WINDOW_START=Sun 1:00\"\n"
                + "Environment=\"REBOOT_WINDOW_LENGTH=1h\"\n");
  }

  @Test
  void render_locksmithTestGolden_endpoint() {
    assertThat(EnvDropIns.render(section(ServiceTables.LOCKSMITH, "endpoint", "12.34.56.78:4001")))
        .isEqualTo("[Service]\nEnvironment=\"LOCKSMITHD_ENDPOINT=12.34.56.78:4001\"\n");
  }

  @Test
  void render_nothingSet_isEmpty() {
    assertThat(EnvDropIns.render(EnvSection.empty(ServiceTables.ETCD2))).isEmpty();
  }

  @Test
  void render_emptyString_skippedAsUpstream() {
    assertThat(EnvDropIns.render(section(ServiceTables.ETCD2, "name", ""))).isEmpty();
  }

  @Test
  void render_explicitFalseAndZero_writtenUnlikeUpstream() {
    // The original never wrote zero values, so a default could not be turned off.
    EnvSection etcd2 =
        section(ServiceTables.ETCD2, "client_cert_auth", false, "election_timeout", 0L);
    assertThat(EnvDropIns.render(etcd2))
        .isEqualTo(
            "[Service]\nEnvironment=\"ETCD_CLIENT_CERT_AUTH=false\"\n"
                + "Environment=\"ETCD_ELECTION_TIMEOUT=0\"\n");
  }

  @Test
  void render_specialCharacters_escapedForSystemd() {
    // Upstream wrote Environment="ETCD_DISCOVERY=q"uote" (a broken drop-in).
    EnvSection etcd2 =
        section(ServiceTables.ETCD2, "discovery", "q\"uote", "name", "100%\\n\nx\ty");
    assertThat(EnvDropIns.render(etcd2))
        .isEqualTo(
            "[Service]\nEnvironment=\"ETCD_DISCOVERY=q\\\"uote\"\n"
                + "Environment=\"ETCD_NAME=100%%\\\\n\\nx\\ty\"\n");
  }

  @Test
  void unitFor_eachTable_namesItsService() {
    assertThat(ServiceTables.DROP_IN_TABLES.stream().map(EnvDropIns::unitFor))
        .containsExactly("etcd.service", "etcd2.service", "fleet.service", "locksmithd.service");
  }
}
