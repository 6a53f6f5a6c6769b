package dev.kindling.datasource;

import java.util.Objects;
import java.util.Optional;

/**
 * One kind of datasource as users name it: its type name, its option, what the option takes, how to
 * make it, where {@code --auto} finds it and its default argument (the one {@code --auto} and the
 * OEM presets use). Each datasource class declares its own; the registry lists them, and the
 * command-line options of both launchers are built from that list.
 *
 * @param name the type name in output and reports, e.g. {@code ec2-metadata}
 * @param option the option without dashes, e.g. {@code from-ec2-metadata} ({@code
 *     --from-ec2-metadata} for kindling, {@code -from-ec2-metadata} for the coreos-cloudinit
 *     launcher)
 * @param argument what the option takes
 * @param description the option's help text
 * @param launcherUsage the coreos-cloudinit launcher's usage text, when that launcher has the flag
 *     (the original's wording)
 * @param defaultArgument the argument {@code --auto} and OEM presets use
 * @param auto where {@code --auto} finds it
 * @param factory makes the datasource
 */
public record DatasourceType(
    String name,
    String option,
    ArgumentKind argument,
    String description,
    Optional<String> launcherUsage,
    Optional<String> defaultArgument,
    AutoDetect auto,
    Factory factory) {

  /** Makes a datasource of this type. */
  @FunctionalInterface
  public interface Factory {
    /** A datasource for {@code argument} ("" for types without one). */
    Datasource create(String argument, SourceContext context);
  }

  public DatasourceType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(option, "option");
    Objects.requireNonNull(argument, "argument");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(launcherUsage, "launcherUsage");
    Objects.requireNonNull(defaultArgument, "defaultArgument");
    Objects.requireNonNull(auto, "auto");
    Objects.requireNonNull(factory, "factory");
  }

  /** A type that only its option names (add the rest with the {@code with...} methods). */
  public static DatasourceType of(
      String name, String option, ArgumentKind argument, String description, Factory factory) {
    return new DatasourceType(
        name,
        option,
        argument,
        description,
        Optional.empty(),
        Optional.empty(),
        AutoDetect.NEVER,
        factory);
  }

  /** This type, also a flag of the coreos-cloudinit launcher with the original's usage text. */
  public DatasourceType withLauncherUsage(String usage) {
    return new DatasourceType(
        name, option, argument, description, Optional.of(usage), defaultArgument, auto, factory);
  }

  /** This type with a default argument (a well-known URL or path). */
  public DatasourceType withDefault(String value) {
    return new DatasourceType(
        name, option, argument, description, launcherUsage, Optional.of(value), auto, factory);
  }

  /** This type, found by {@code --auto} where {@code detect} says so. */
  public DatasourceType withAuto(AutoDetect detect) {
    return new DatasourceType(
        name, option, argument, description, launcherUsage, defaultArgument, detect, factory);
  }

  /** The kindling option: {@code --} and the option name. */
  public String flag() {
    return "--" + option;
  }

  /** The default argument, or "" for types that take none. */
  public String defaultValue() {
    return defaultArgument.orElse("");
  }

  @Override
  public String toString() {
    return "DatasourceType[" + name + "]";
  }

  /**
   * Equal components. Written out rather than generated: the generated one bootstraps an
   * invokedynamic call site (ObjectMethods, method handles spun at run time) the first time it
   * runs, several milliseconds of every start-up.
   */
  @Override
  public boolean equals(Object o) {
    return this == o
        || (o instanceof DatasourceType other
            && name.equals(other.name)
            && option.equals(other.option)
            && argument == other.argument
            && description.equals(other.description)
            && launcherUsage.equals(other.launcherUsage)
            && defaultArgument.equals(other.defaultArgument)
            && auto.equals(other.auto)
            && factory.equals(other.factory));
  }

  /** The name's hash: equal types have equal names (see {@link #equals}). */
  @Override
  public int hashCode() {
    return name.hashCode();
  }
}
