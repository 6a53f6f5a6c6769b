package dev.kindling.lsp;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Keeps LSP4J's own log (java.util.logging) on standard error and free of user data: its messages
 * may quote the input they failed on, so only the level, the reporting class and the kind of
 * exception are printed.
 */
final class ProtocolLogging {
  private static final Logger LSP4J = Logger.getLogger("org.eclipse.lsp4j");

  private ProtocolLogging() {}

  static synchronized void install() {
    if (LSP4J.getHandlers().length > 0) {
      return;
    }
    ConsoleHandler handler = new ConsoleHandler(); // standard error
    handler.setLevel(Level.WARNING);
    handler.setFormatter(
        new Formatter() {
          @Override
          public String format(LogRecord record) {
            String thrown =
                record.getThrown() == null
                    ? ""
                    : " (" + record.getThrown().getClass().getName() + ")";
            return "kindling lsp: protocol "
                + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT)
                + " in "
                + record.getSourceClassName()
                + thrown
                + System.lineSeparator();
          }
        });
    LSP4J.addHandler(handler);
    LSP4J.setUseParentHandlers(false);
    LSP4J.setLevel(Level.WARNING);
  }
}
