package dev.kindling.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest ("dev" when run from classes). */
public final class VersionProvider implements IVersionProvider {
  /**
   * A provider, typed as picocli's interface: a command that passes it on to picocli then names no
   * class that implements a picocli type. A class archived for start-up (run, validate) that passed
   * a {@code VersionProvider} where picocli takes an {@code IVersionProvider} would carry that
   * check into the archive, and the JVM would open the jar at every start to load both classes and
   * check it (picocli's Java 5 classes cannot be archived): about 5 ms.
   */
  public static IVersionProvider instance() {
    return new VersionProvider();
  }

  @Override
  public String[] getVersion() {
    String v = Main.class.getPackage().getImplementationVersion();
    return new String[] {"kindling " + (v == null ? "dev" : v)};
  }
}
