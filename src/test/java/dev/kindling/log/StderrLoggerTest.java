package dev.kindling.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

class StderrLoggerTest {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  /**
   * Loads the classes under test before standard error is captured: the fuzzing agent of the test
   * run reports each class it instruments there.
   */
  @BeforeAll
  static void loadClasses() {
    new StderrLogger("warm-up", LogLevels.OFF).info("nothing");
    StderrLogger.oneLine(new Object[] {"warm\nup"});
    new LogLevels(Level.INFO.toInt(), name -> null).of("warm.up");
    LoggerFactory.getILoggerFactory();
  }

  @BeforeEach
  void capture() {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setErr(original);
  }

  private String err() {
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void logs_levelAndFormattedMessage_oneLineEach() {
    StderrLogger log = new StderrLogger("dev.kindling.x", Level.INFO.toInt());

    log.info("fetching {} from {}", "user-data", "ec2");
    log.warn("no {}", "hostname");
    log.error("plain");
    log.debug("not at info {}", 1);
    log.trace("nor this");

    assertThat(err())
        .isEqualTo("INFO fetching user-data from ec2\nWARN no hostname\nERROR plain\n");
  }

  @Test
  void arguments_controlCharactersEscaped_patternAndArraysAsGiven() {
    StderrLogger log = new StderrLogger("dev.kindling.x", Level.INFO.toInt());

    log.info("setting hostname to {}", "evil\nINFO forged line\u0000");
    log.warn("keys {} and {}", new String[] {"a", "b"}, null);
    log.info("two\nlines of our own");

    assertThat(err())
        .isEqualTo(
            "INFO setting hostname to evil\\nINFO forged line\\u0000\n"
                + "WARN keys [a, b] and null\n"
                + "INFO two\nlines of our own\n");
  }

  @Test
  void throwable_stackTraceAfterTheLine_alsoAsTheLastArgument() {
    StderrLogger log = new StderrLogger("dev.kindling.x", Level.INFO.toInt());

    log.error("failed: {}", "reason", new IOException("disk full"));

    String[] lines = err().split("\n", -1);
    assertThat(lines[0]).isEqualTo("ERROR failed: reason");
    assertThat(lines[1]).isEqualTo("java.io.IOException: disk full");
    assertThat(lines[2]).startsWith("\tat dev.kindling.log.StderrLoggerTest.");
  }

  @Test
  void enabledChecks_followTheLevel_offLogsNothing() {
    StderrLogger debug = new StderrLogger("a", Level.DEBUG.toInt());
    StderrLogger off = new StderrLogger("b", LogLevels.OFF);

    assertThat(debug.isTraceEnabled()).isFalse();
    assertThat(debug.isDebugEnabled()).isTrue();
    assertThat(debug.isErrorEnabled()).isTrue();
    off.error("never");
    assertThat(off.isErrorEnabled()).isFalse();
    assertThat(err()).isEmpty();
  }

  @Test
  void stream_isSystemErrWhenTheMessageIsLogged() {
    StderrLogger log = new StderrLogger("a", Level.INFO.toInt());
    ByteArrayOutputStream later = new ByteArrayOutputStream();

    log.info("first");
    System.setErr(new PrintStream(later, true, StandardCharsets.UTF_8));
    log.info("second");

    assertThat(err()).isEqualTo("INFO first\n");
    assertThat(later.toString(StandardCharsets.UTF_8)).isEqualTo("INFO second\n");
  }

  @Test
  void levels_nearestNamedPrefix_thenBuiltIn_thenDefault() {
    Map<String, String> props =
        Map.of(
            "org.slf4j.simpleLogger.log.dev.kindling", "off",
            "org.slf4j.simpleLogger.log.dev.kindling.datasource", "DEBUG",
            "org.slf4j.simpleLogger.log.org.freedesktop.dbus.connections", "error");
    LogLevels levels = new LogLevels(Level.INFO.toInt(), props::get);

    assertThat(levels.of("dev.kindling.cli.Main")).isEqualTo(LogLevels.OFF);
    assertThat(levels.of("dev.kindling.datasource.ec2.Ec2Session")).isEqualTo(10);
    assertThat(levels.of("dev.kindlingx.Other")).isEqualTo(Level.INFO.toInt());
    assertThat(levels.of("org.freedesktop.dbus.messages.Message")).isEqualTo(Level.WARN.toInt());
    assertThat(levels.of("org.freedesktop.dbus.connections.impl.DBusConnection"))
        .isEqualTo(Level.ERROR.toInt());
    assertThat(levels.of("Unqualified")).isEqualTo(Level.INFO.toInt());
  }

  @Test
  void parse_namesAnyCase_unknownIsInfo() {
    assertThat(LogLevels.parse("trace")).isEqualTo(Level.TRACE.toInt());
    assertThat(LogLevels.parse(" Warn ")).isEqualTo(Level.WARN.toInt());
    assertThat(LogLevels.parse("OFF")).isEqualTo(LogLevels.OFF);
    assertThat(LogLevels.parse("verbose")).isEqualTo(Level.INFO.toInt());
  }

  @Test
  void slf4j_bindsThisProvider() {
    assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(StderrLoggerFactory.class);
    assertThat(LoggerFactory.getLogger("dev.kindling.log.X")).isInstanceOf(StderrLogger.class);
  }
}
