package dev.kindling.config;

import dev.kindling.config.yaml.ConfigPath;
import dev.kindling.config.yaml.Position;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One diagnostic about a config: what, where (a config path, and once correlated a position) and
 * what to do.
 *
 * @param severity how serious it is
 * @param code the stable kind of finding
 * @param message what is wrong (original coreos-cloudinit wording where one exists)
 * @param path the config path the finding is about
 * @param target whether the finding points at the key or at the value of {@code path}
 * @param position where in the source; empty until correlated (or when unknown)
 * @param hint what to do about it, if there is something useful to say
 * @param args the values the message is made of, for printers that word it their own way (the
 *     coreos-cloudinit launcher): what each code carries is listed at the {@link Code} constant;
 *     empty when the code carries none
 */
public record Finding(
    Severity severity,
    Code code,
    String message,
    ConfigPath path,
    Target target,
    Optional<Position> position,
    Optional<String> hint,
    List<String> args) {

  /** Which part of a mapping entry a finding points at. */
  public enum Target {
    KEY,
    VALUE
  }

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(hint, "hint");
    args = List.copyOf(args);
  }

  /** A finding whose message carries no separate values. */
  public Finding(
      Severity severity,
      Code code,
      String message,
      ConfigPath path,
      Target target,
      Optional<Position> position,
      Optional<String> hint) {
    this(severity, code, message, path, target, position, hint, List.of());
  }

  /** A finding about the value at {@code path}. */
  public static Finding of(Severity severity, Code code, ConfigPath path, String message) {
    return new Finding(
        severity, code, message, path, Target.VALUE, Optional.empty(), Optional.empty());
  }

  /** An error about the value at {@code path}. */
  public static Finding error(Code code, ConfigPath path, String message) {
    return of(Severity.ERROR, code, path, message);
  }

  /** A warning about the value at {@code path}. */
  public static Finding warning(Code code, ConfigPath path, String message) {
    return of(Severity.WARNING, code, path, message);
  }

  /** An info about the value at {@code path}. */
  public static Finding info(Code code, ConfigPath path, String message) {
    return of(Severity.INFO, code, path, message);
  }

  /** This finding pointing at the key of its path. */
  public Finding onKey() {
    return new Finding(severity, code, message, path, Target.KEY, position, hint, args);
  }

  /** This finding with a hint. */
  public Finding withHint(String text) {
    return new Finding(severity, code, message, path, target, position, Optional.of(text), args);
  }

  /** This finding at a known position. */
  public Finding at(Position where) {
    return new Finding(severity, code, message, path, target, Optional.of(where), hint, args);
  }

  /** This finding about another path (same position and hint). */
  public Finding withPath(ConfigPath other) {
    return new Finding(severity, code, message, other, target, position, hint, args);
  }

  /** This finding with another severity. */
  public Finding withSeverity(Severity other) {
    return new Finding(other, code, message, path, target, position, hint, args);
  }

  /** This finding with the values its message is made of (see {@link #args()}). */
  public Finding withArgs(String... values) {
    return new Finding(severity, code, message, path, target, position, hint, List.of(values));
  }
}
