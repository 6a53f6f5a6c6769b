package dev.kindling.analysis.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscoveryUrlRuleTest {
  private static final String HINT =
      "; use the URL the discovery service gave you, such as https://discovery.etcd.io/<token>";

  @Test
  void check_invalidEtcdAndEtcd2_warnsAtValues() {
    assertThat(
            RuleHarness.check(
                new DiscoveryUrlRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  etcd:\n"
                    + "    discovery: foo\n"
                    + "  etcd2:\n"
                    + "    discovery: http://h:x/t\n"))
        .containsExactly(
            "4:16 warning discovery-url coreos.etcd.discovery: discovery URL is not valid | it is"
                + " neither an absolute URL (scheme://host/path) nor an absolute path"
                + HINT,
            "6:16 warning discovery-url coreos.etcd2.discovery: discovery URL is not valid |"
                + " invalid port \":x\" after the host"
                + HINT);
  }

  @Test
  void check_validUrlAndPath_isQuiet() {
    assertThat(
            RuleHarness.check(
                new DiscoveryUrlRule(),
                "#cloud-config\n"
                    + "coreos:\n"
                    + "  etcd: {discovery: /token}\n"
                    + "  etcd2: {discovery: 'https://discovery.etcd.io/abc'}\n"))
        .isEmpty();
  }

  @Test
  void check_noDiscoveryOrWrongType_isQuiet() {
    assertThat(
            RuleHarness.check(
                new DiscoveryUrlRule(), "#cloud-config\ncoreos:\n  etcd2:\n    discovery: [a]\n"))
        .isEmpty();
  }
}
