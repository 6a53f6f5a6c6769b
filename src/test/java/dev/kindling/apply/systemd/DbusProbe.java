package dev.kindling.apply.systemd;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Drives {@link DbusSystemdManager} from a line protocol on stdin (words separated by tabs), one
 * answer line per request on stdout; {@link SystemdNspawnIT} runs it inside the container with the
 * container's java, the shaded jar and this class only.
 *
 * <pre>
 * reload                                    -> ok
 * unit COMMAND UNIT TIMEOUT_S               -> ok RESULT
 * enable RUNTIME FORCE UNIT...              -> ok
 * hostname NAME                             -> ok
 * transient UNIT TIMEOUT_S ARG...           -> ok EXIT_STATUS
 * quit                                      -> ok (after close())
 * any failure                               -> error MESSAGE
 * </pre>
 */
public final class DbusProbe {
  private DbusProbe() {}

  /** Connects to the system bus, answers "ready", then serves requests until "quit" or EOF. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    DbusSystemdManager systemd;
    try {
      systemd = DbusSystemdManager.connectSystemBus();
    } catch (SystemdException e) {
      out.println("error " + e.getMessage());
      return;
    }
    out.println("ready");
    try (systemd) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        List<String> words = Arrays.asList(line.split("\t", -1));
        if (words.get(0).equals("quit")) {
          break;
        }
        out.println(answer(systemd, words));
      }
    }
    out.println("ok");
  }

  private static String answer(DbusSystemdManager systemd, List<String> w) {
    try {
      return switch (w.get(0)) {
        case "reload" -> {
          systemd.reload();
          yield "ok";
        }
        case "unit" -> "ok " + systemd.runUnitCommand(w.get(1), w.get(2), seconds(w.get(3)));
        case "enable" -> {
          systemd.enableUnitFiles(
              w.subList(3, w.size()),
              Boolean.parseBoolean(w.get(1)),
              Boolean.parseBoolean(w.get(2)));
          yield "ok";
        }
        case "hostname" -> {
          systemd.setHostname(w.get(1));
          yield "ok";
        }
        case "transient" ->
            "ok "
                + systemd.runTransientUnit(
                    w.get(1), "kindling probe script", w.subList(3, w.size()), seconds(w.get(2)));
        default -> "error unknown request " + w.get(0);
      };
    } catch (SystemdException | RuntimeException e) {
      return "error " + String.valueOf(e.getMessage()).replace('\n', ' ');
    }
  }

  private static Duration seconds(String s) {
    return Duration.ofSeconds(Long.parseLong(s));
  }
}
