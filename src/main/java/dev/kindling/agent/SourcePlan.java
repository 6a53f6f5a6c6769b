package dev.kindling.agent;

import dev.kindling.datasource.AutoDetect;
import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.DmiInfo;
import dev.kindling.datasource.OemPreset;
import dev.kindling.datasource.Platform;
import dev.kindling.datasource.registry.Datasources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the named sources into the list to try: explicit options first, then an {@code --oem}
 * preset's sources that were not given explicitly, then what {@code --auto} detects; in registry
 * order. Every value is checked here, before any lock is taken or anything is fetched.
 */
final class SourcePlan {
  private static final Logger LOG = LoggerFactory.getLogger(SourcePlan.class);

  private SourcePlan() {}

  /**
   * The sources to try.
   *
   * @param specs the sources, in registry (tie-break) order
   * @param convertNetconf the network conversion an OEM preset asks for ("" for none)
   * @param auto whether {@code --auto} also runs the locators
   */
  record Resolved(List<SourceSpec> specs, String convertNetconf, boolean auto) {
    Resolved {
      specs = List.copyOf(specs);
      Objects.requireNonNull(convertNetconf, "convertNetconf");
    }
  }

  /** Resolves {@code selection}; throws when there is no source or a value is unusable. */
  static Resolved resolve(SourceSelection selection, AgentEnvironment env)
      throws SourceUsageException {
    Map<DatasourceType, SourceSpec> specs = new LinkedHashMap<>();
    selection.explicit().forEach((type, value) -> specs.put(type, spec(type, value, "option")));
    String netconf = "";
    if (selection.oem().isPresent() && !selection.oem().get().isEmpty()) {
      OemPreset preset = oem(selection.oem().get());
      for (DatasourceType type : preset.sources()) {
        // Explicit options win over a preset (the original let presets override them).
        specs.putIfAbsent(type, spec(type, type.defaultValue(), "oem " + preset.name()));
      }
      netconf = preset.convertNetconf();
    }
    if (selection.auto()) {
      for (SourceSpec s : auto(env)) {
        specs.putIfAbsent(s.type(), s);
      }
    }
    if (specs.isEmpty() && !selection.auto()) {
      throw new SourceUsageException(
          "no datasource given: provide at least one of "
              + Datasources.ALL.stream().map(DatasourceType::flag).collect(Collectors.joining(", "))
              + ", --oem NAME or --auto");
    }
    for (SourceSpec s : specs.values()) {
      check(s);
    }
    List<SourceSpec> ordered = new ArrayList<>(specs.values());
    ordered.sort(
        (a, b) -> Integer.compare(Datasources.order(a.type()), Datasources.order(b.type())));
    return new Resolved(ordered, netconf, selection.auto());
  }

  /** The preset named {@code name}. */
  static OemPreset oem(String name) throws SourceUsageException {
    return Datasources.oem(name)
        .orElseThrow(
            () ->
                new SourceUsageException(
                    "invalid --oem \""
                        + name
                        + "\"; supported: "
                        + Datasources.OEM_PRESETS.stream()
                            .map(OemPreset::name)
                            .collect(Collectors.joining(", "))));
  }

  /**
   * The sources the machine indicates. An unrecognised platform gets no network metadata source: an
   * unauthenticated link-local service is only trusted where the platform says it is there. A
   * {@code cloud-config-url=} kernel argument is an explicit instruction, so it is used on any
   * platform.
   */
  static List<SourceSpec> auto(AgentEnvironment env) {
    DmiInfo dmi = DmiInfo.read(env.dmiRoot());
    Platform platform = Platform.of(dmi);
    LOG.info("--auto: platform {} from DMI {}", platform, dmi);
    if (platform == Platform.UNKNOWN) {
      LOG.info("--auto: no platform recognised; no metadata service is assumed");
    }
    AutoDetect.Machine machine = new AutoDetect.Machine(platform, kernelCommandLine(env));
    List<SourceSpec> out = new ArrayList<>();
    for (DatasourceType type : Datasources.ALL) {
      if (type.auto().present(machine)) {
        out.add(spec(type, type.defaultValue(), "auto"));
      }
    }
    return out;
  }

  private static String kernelCommandLine(AgentEnvironment env) {
    try {
      return Files.readString(env.procCmdline(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static SourceSpec spec(DatasourceType type, String value, String origin) {
    return new SourceSpec(type, value, origin);
  }

  private static void check(SourceSpec s) throws SourceUsageException {
    try {
      s.type().argument().check(s.value());
    } catch (IllegalArgumentException e) {
      throw new SourceUsageException(
          s.type().flag() + " " + (s.value().isEmpty() ? "\"\"" : "value") + ": " + e.getMessage());
    }
  }
}
