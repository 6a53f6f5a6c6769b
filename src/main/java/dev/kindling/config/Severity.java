package dev.kindling.config;

import java.util.Locale;

/** How serious a finding is. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  /** The lowercase name used in every output format. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
