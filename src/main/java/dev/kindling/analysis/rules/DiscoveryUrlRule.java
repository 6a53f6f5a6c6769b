package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.EnvSection;
import dev.kindling.config.Finding;
import dev.kindling.config.yaml.ConfigPath;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code coreos.etcd.discovery} and {@code coreos.etcd2.discovery} must be URLs Go's {@code
 * url.ParseRequestURI} accepts. The original checked etcd only; etcd2 reads the same kind of URL,
 * so Kindling checks both (docs/compatibility.md#etcd2-discovery-urls-are-checked).
 */
final class DiscoveryUrlRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    check(context.config().coreos().etcd(), "etcd", out);
    check(context.config().coreos().etcd2(), "etcd2", out);
  }

  private static void check(EnvSection section, String name, Consumer<Finding> out) {
    Optional<Object> value = section.get("discovery");
    if (value.isEmpty() || !(value.get() instanceof String url)) {
      return;
    }
    GoRequestUri.problem(url)
        .ifPresent(
            why ->
                out.accept(
                    Finding.warning(
                            Code.DISCOVERY_URL,
                            ConfigPath.of("coreos", name, "discovery"),
                            "discovery URL is not valid")
                        .withHint(
                            why
                                + "; use the URL the discovery service gave you, such as"
                                + " https://discovery.etcd.io/<token>")));
  }
}
