package dev.kindling.plan;

import java.util.List;
import java.util.Objects;

/** Load a kernel module with parameters ({@code modprobe}; bonding and 8021q for netconf). */
public record LoadKernelModule(String module, List<String> parameters) implements Action {
  public LoadKernelModule {
    Objects.requireNonNull(module, "module");
    parameters = List.copyOf(parameters);
  }

  @Override
  public String type() {
    return "load-kernel-module";
  }

  @Override
  public String describe() {
    return "load kernel module " + module + (parameters.isEmpty() ? "" : " " + parameters);
  }
}
