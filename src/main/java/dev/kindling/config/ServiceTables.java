package dev.kindling.config;

import static dev.kindling.config.FieldKind.BOOL;
import static dev.kindling.config.FieldKind.FLOAT;
import static dev.kindling.config.FieldKind.INT;
import static dev.kindling.config.FieldKind.STRING;

import java.util.List;

/**
 * The environment-style service sections of {@code coreos}: one table each, in the original's
 * struct order, which is also the order of the rendered {@code Environment=} lines. The tables
 * drive binding (known keys), validation (types, deprecations, patterns) and rendering.
 */
public final class ServiceTables {
  private static final String ETCD2_ONLY = "etcd2 options no longer work for etcd";

  /** {@code coreos.etcd} (etcd 0.4). */
  public static final StructSchema ETCD =
      new StructSchema(
          "etcd",
          List.of(
              opt("addr", STRING, "ETCD_ADDR"),
              opt("advertise_client_urls", STRING, "ETCD_ADVERTISE_CLIENT_URLS")
                  .deprecated(ETCD2_ONLY),
              opt("bind_addr", STRING, "ETCD_BIND_ADDR"),
              opt("ca_file", STRING, "ETCD_CA_FILE"),
              opt("cert_file", STRING, "ETCD_CERT_FILE"),
              opt("cluster_active_size", INT, "ETCD_CLUSTER_ACTIVE_SIZE"),
              opt("cluster_remove_delay", FLOAT, "ETCD_CLUSTER_REMOVE_DELAY"),
              opt("cluster_sync_interval", FLOAT, "ETCD_CLUSTER_SYNC_INTERVAL"),
              opt("cors", STRING, "ETCD_CORS"),
              opt("data_dir", STRING, "ETCD_DATA_DIR"),
              opt("discovery", STRING, "ETCD_DISCOVERY"),
              opt("discovery_fallback", STRING, "ETCD_DISCOVERY_FALLBACK").deprecated(ETCD2_ONLY),
              opt("discovery_srv", STRING, "ETCD_DISCOVERY_SRV").deprecated(ETCD2_ONLY),
              opt("discovery_proxy", STRING, "ETCD_DISCOVERY_PROXY").deprecated(ETCD2_ONLY),
              opt("election_timeout", INT, "ETCD_ELECTION_TIMEOUT").deprecated(ETCD2_ONLY),
              opt("force_new_cluster", BOOL, "ETCD_FORCE_NEW_CLUSTER").deprecated(ETCD2_ONLY),
              opt("graphite_host", STRING, "ETCD_GRAPHITE_HOST"),
              opt("heartbeat_interval", INT, "ETCD_HEARTBEAT_INTERVAL").deprecated(ETCD2_ONLY),
              opt("http_read_timeout", FLOAT, "ETCD_HTTP_READ_TIMEOUT"),
              opt("http_write_timeout", FLOAT, "ETCD_HTTP_WRITE_TIMEOUT"),
              opt("initial_advertise_peer_urls", STRING, "ETCD_INITIAL_ADVERTISE_PEER_URLS")
                  .deprecated(ETCD2_ONLY),
              opt("initial_cluster", STRING, "ETCD_INITIAL_CLUSTER").deprecated(ETCD2_ONLY),
              opt("initial_cluster_state", STRING, "ETCD_INITIAL_CLUSTER_STATE")
                  .deprecated(ETCD2_ONLY),
              opt("initial_cluster_token", STRING, "ETCD_INITIAL_CLUSTER_TOKEN")
                  .deprecated(ETCD2_ONLY),
              opt("key_file", STRING, "ETCD_KEY_FILE"),
              opt("listen_client_urls", STRING, "ETCD_LISTEN_CLIENT_URLS").deprecated(ETCD2_ONLY),
              opt("listen_peer_urls", STRING, "ETCD_LISTEN_PEER_URLS").deprecated(ETCD2_ONLY),
              opt("max_result_buffer", INT, "ETCD_MAX_RESULT_BUFFER"),
              opt("max_retry_attempts", INT, "ETCD_MAX_RETRY_ATTEMPTS"),
              opt("max_snapshots", INT, "ETCD_MAX_SNAPSHOTS").deprecated(ETCD2_ONLY),
              opt("max_wals", INT, "ETCD_MAX_WALS").deprecated(ETCD2_ONLY),
              opt("name", STRING, "ETCD_NAME"),
              opt("peer_addr", STRING, "ETCD_PEER_ADDR"),
              opt("peer_bind_addr", STRING, "ETCD_PEER_BIND_ADDR"),
              opt("peer_ca_file", STRING, "ETCD_PEER_CA_FILE"),
              opt("peer_cert_file", STRING, "ETCD_PEER_CERT_FILE"),
              opt("peer_election_timeout", INT, "ETCD_PEER_ELECTION_TIMEOUT"),
              opt("peer_heartbeat_interval", INT, "ETCD_PEER_HEARTBEAT_INTERVAL"),
              opt("peer_key_file", STRING, "ETCD_PEER_KEY_FILE"),
              opt("peers", STRING, "ETCD_PEERS"),
              opt("peers_file", STRING, "ETCD_PEERS_FILE"),
              opt("proxy", STRING, "ETCD_PROXY").deprecated(ETCD2_ONLY),
              opt("retry_interval", FLOAT, "ETCD_RETRY_INTERVAL"),
              opt("snapshot", BOOL, "ETCD_SNAPSHOT"),
              opt("snapshot_count", INT, "ETCD_SNAPSHOTCOUNT"),
              opt("trace", STRING, "ETCD_TRACE"),
              opt("verbose", BOOL, "ETCD_VERBOSE"),
              opt("very_verbose", BOOL, "ETCD_VERY_VERBOSE"),
              opt("very_very_verbose", BOOL, "ETCD_VERY_VERY_VERBOSE")));

  /** {@code coreos.etcd2}. */
  public static final StructSchema ETCD2 =
      new StructSchema(
          "etcd2",
          List.of(
              etcd2("advertise_client_urls", STRING),
              etcd2("ca_file", STRING)
                  .deprecated("ca_file obsoleted by trusted_ca_file and client_cert_auth"),
              etcd2("cert_file", STRING),
              etcd2("client_cert_auth", BOOL),
              etcd2("cors", STRING),
              etcd2("data_dir", STRING),
              etcd2("debug", BOOL),
              etcd2("discovery", STRING),
              etcd2("discovery_fallback", STRING),
              etcd2("discovery_srv", STRING),
              etcd2("discovery_proxy", STRING),
              etcd2("election_timeout", INT),
              etcd2("enable_pprof", BOOL),
              etcd2("force_new_cluster", BOOL),
              etcd2("heartbeat_interval", INT),
              etcd2("initial_advertise_peer_urls", STRING),
              etcd2("initial_cluster", STRING),
              etcd2("initial_cluster_state", STRING),
              etcd2("initial_cluster_token", STRING),
              etcd2("key_file", STRING),
              etcd2("listen_client_urls", STRING),
              etcd2("listen_peer_urls", STRING),
              etcd2("log_package_levels", STRING),
              etcd2("max_snapshots", INT),
              etcd2("max_wals", INT),
              etcd2("name", STRING),
              etcd2("peer_ca_file", STRING)
                  .deprecated(
                      "peer_ca_file obsoleted peer_trusted_ca_file and peer_client_cert_auth"),
              etcd2("peer_cert_file", STRING),
              etcd2("peer_key_file", STRING),
              etcd2("peer_client_cert_auth", BOOL),
              etcd2("peer_trusted_ca_file", STRING),
              etcd2("proxy", STRING).oneOf("on", "off", "readonly"),
              etcd2("proxy_dial_timeout", INT),
              etcd2("proxy_failure_wait", INT),
              etcd2("proxy_read_timeout", INT),
              etcd2("proxy_refresh_interval", INT),
              etcd2("proxy_write_timeout", INT),
              etcd2("snapshot_count", INT),
              etcd2("strict_reconfig_check", BOOL),
              etcd2("trusted_ca_file", STRING),
              etcd2("wal_dir", STRING)));

  /** {@code coreos.fleet}. */
  public static final StructSchema FLEET =
      new StructSchema(
          "fleet",
          List.of(
              fleet("agent_ttl", STRING),
              fleet("authorized_keys_file", STRING),
              fleet("disable_engine", BOOL),
              fleet("engine_reconcile_interval", FLOAT),
              fleet("etcd_cafile", STRING),
              fleet("etcd_certfile", STRING),
              fleet("etcd_keyfile", STRING),
              fleet("etcd_key_prefix", STRING),
              fleet("etcd_request_timeout", FLOAT),
              fleet("etcd_servers", STRING),
              fleet("etcd_username", STRING),
              fleet("etcd_password", STRING),
              fleet("metadata", STRING),
              fleet("public_ip", STRING),
              fleet("token_limit", INT),
              fleet("verbosity", INT),
              fleet("verify_units", BOOL)));

  /** {@code coreos.flannel}: rendered to {@code /run/flannel/options.env}, not a drop-in. */
  public static final StructSchema FLANNEL =
      new StructSchema(
          "flannel",
          List.of(
              flannel("etcd_endpoints"),
              flannel("etcd_cafile"),
              flannel("etcd_certfile"),
              flannel("etcd_keyfile"),
              flannel("etcd_prefix"),
              flannel("etcd_username"),
              flannel("etcd_password"),
              flannel("ip_masq"),
              flannel("subnet_file"),
              opt("interface", STRING, "FLANNELD_IFACE"),
              flannel("public_ip")));

  /** {@code coreos.locksmith}. */
  public static final StructSchema LOCKSMITH =
      new StructSchema(
          "locksmith",
          List.of(
              opt("endpoint", STRING, "LOCKSMITHD_ENDPOINT"),
              opt("etcd_cafile", STRING, "LOCKSMITHD_ETCD_CAFILE"),
              opt("etcd_certfile", STRING, "LOCKSMITHD_ETCD_CERTFILE"),
              opt("etcd_keyfile", STRING, "LOCKSMITHD_ETCD_KEYFILE"),
              opt("etcd_username", STRING, "LOCKSMITHD_ETCD_USERNAME"),
              opt("etcd_password", STRING, "LOCKSMITHD_ETCD_PASSWORD"),
              opt("group", STRING, "LOCKSMITHD_GROUP"),
              opt("window_start", STRING, "REBOOT_WINDOW_START")
                  .valid(
                      "((?i:sun|mon|tue|wed|thu|fri|sat|sun) )?0*([0-9]|1[0-9]|2[0-3]):0*([0-9]|[1-5][0-9])"),
              opt("window_length", STRING, "REBOOT_WINDOW_LENGTH")
                  .valid("[-+]?([0-9]*(\\.[0-9]*)?[a-z]+)+")));

  /** {@code coreos.update}: rendered into {@code /etc/coreos/update.conf}. */
  public static final StructSchema UPDATE =
      new StructSchema(
          "update",
          List.of(
              opt("reboot_strategy", STRING, "REBOOT_STRATEGY").oneOf("etcd-lock", "reboot", "off"),
              opt("group", STRING, "GROUP"),
              opt("server", STRING, "SERVER")));

  /** {@code coreos.oem}: rendered to {@code /etc/oem-release}. */
  public static final StructSchema OEM =
      new StructSchema(
          "oem",
          List.of(
              SchemaField.of("id", STRING, "OEM identifier (ID=)"),
              SchemaField.of("name", STRING, "OEM name (NAME=)"),
              SchemaField.of("version_id", STRING, "OEM version (VERSION_ID=)"),
              SchemaField.of("home_url", STRING, "OEM home page (HOME_URL=)"),
              SchemaField.of("bug_report_url", STRING, "where to report bugs (BUG_REPORT_URL=)")));

  /** Every table that renders {@code Environment=} lines into a drop-in, with its unit. */
  public static final List<StructSchema> DROP_IN_TABLES = List.of(ETCD, ETCD2, FLEET, LOCKSMITH);

  private ServiceTables() {}

  private static SchemaField opt(String key, FieldKind kind, String env) {
    return SchemaField.of(key, kind, "sets " + env).env(env);
  }

  private static SchemaField etcd2(String key, FieldKind kind) {
    return opt(key, kind, "ETCD_" + key.toUpperCase(java.util.Locale.ROOT));
  }

  private static SchemaField fleet(String key, FieldKind kind) {
    return opt(key, kind, "FLEET_" + key.toUpperCase(java.util.Locale.ROOT));
  }

  private static SchemaField flannel(String key) {
    return opt(key, STRING, "FLANNELD_" + key.toUpperCase(java.util.Locale.ROOT));
  }
}
