package dev.kindling.log;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link StderrLogger} per name, its level fixed when it is made. */
final class StderrLoggerFactory implements ILoggerFactory {
  private final LogLevels levels;
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();

  StderrLoggerFactory(LogLevels levels) {
    this.levels = levels;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new StderrLogger(n, levels.of(n)));
  }
}
