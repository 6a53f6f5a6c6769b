package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No command prints a line twice when no datasource can be used: no source given, a missing file, a
 * URL on loopback that refuses connections. Each "no datasource" reason appears exactly once. Real
 * processes, so that the log lines are those a user sees. ({@code --auto} is not run here: on a
 * cloud machine it would probe the link-local metadata service.)
 */
class DuplicateLinesIT {
  @TempDir Path tmp;

  /** A loopback URL nothing listens on. */
  private static String refusedUrl() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    return "http://127.0.0.1:" + port + "/user-data";
  }

  private List<List<String>> invocations() throws IOException {
    String root = Files.createDirectories(tmp.resolve("root")).toString();
    String missing = tmp.resolve("nope.yaml").toString();
    String url = refusedUrl();
    List<List<String>> out = new ArrayList<>();
    for (String command : new String[] {"render", "fetch", "run"}) {
      List<String> tail =
          command.equals("run") ? List.of("--root", root, "--systemd", "none") : List.of();
      out.add(concat(List.of(command, "--timeout", "2"), tail));
      out.add(concat(List.of(command, "--from-file", missing, "--timeout", "2"), tail));
      out.add(concat(List.of(command, "--from-url", url, "--timeout", "3"), tail));
    }
    return out;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  @Test
  void noSource_missingFile_refusedUrl_everyLineOnce_oneNoDatasourceMessage() throws Exception {
    for (List<String> args : invocations()) {
      ValidateCliIT.Result r = ValidateCliIT.kindling("", List.of(), args.toArray(new String[0]));
      String all = r.out() + r.err();
      Set<String> seen = new HashSet<>();
      for (String line : all.lines().toList()) {
        assertThat(seen.add(line)).as("%s printed twice by %s:%n%s", line, args, all).isTrue();
      }
      long reasons =
          all.lines().filter(l -> l.toLowerCase(Locale.ROOT).contains("no datasource")).count();
      assertThat(reasons)
          .as("'no datasource' messages of %s:%n%s", args, all)
          .isLessThanOrEqualTo(1);
      if (!args.contains("--from-file")) {
        assertThat(reasons).as("'no datasource' messages of %s:%n%s", args, all).isEqualTo(1);
      }
      assertThat(r.status()).as("%s", args).isNotZero();
    }
  }
}
