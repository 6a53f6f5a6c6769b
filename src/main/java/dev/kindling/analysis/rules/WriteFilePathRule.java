package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.UnixPath;
import dev.kindling.config.WriteFile;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Where {@code write_files} entries land: every entry needs a path; the target is {@code
 * path.Join("/", path)}, so relative paths are warned about; targets on read-only {@code /usr} are
 * errors (compared by path component: {@code /usrdata} is writable,
 * docs/compatibility.md#read-only-paths-are-compared-by-path-component); two entries writing the
 * same target are warned about unless the later one appends. Beyond the original: a NUL byte in a
 * path is an error and a trailing {@code /} a warning ({@code invalid-path}); a target that another
 * entry writes below is an error ({@code path-conflict}): run could not write both.
 */
final class WriteFilePathRule implements Rule {
  private static final String READ_ONLY = "/usr";

  /**
   * Directories every system has (the FHS top level) or that the agent itself writes into: a file
   * cannot be written there.
   */
  private static final Set<String> SYSTEM_DIRECTORIES =
      Set.of(
          "/bin",
          "/boot",
          "/dev",
          "/etc",
          "/etc/ssh",
          "/etc/systemd",
          "/etc/systemd/network",
          "/etc/systemd/system",
          "/home",
          "/home/core",
          "/lib",
          "/lib64",
          "/media",
          "/mnt",
          "/opt",
          "/proc",
          "/root",
          "/run",
          "/run/systemd",
          "/run/systemd/system",
          "/sbin",
          "/srv",
          "/sys",
          "/tmp",
          "/var",
          "/var/lib",
          "/var/log",
          "/var/tmp");

  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<WriteFile> files = context.config().writeFiles();
    Map<String, Integer> firstWriter = new HashMap<>();
    Map<String, Integer> firstAppender = new HashMap<>();
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      WriteFile file = files.get(i);
      ConfigPath entry = ConfigPath.of("write_files", i);
      ConfigPath path = entry.key("path");
      if (file.path().isEmpty()) {
        boolean written = context.sources().node(path).isPresent();
        out.accept(
            Finding.error(Code.MISSING_PATH, written ? path : entry, "file has no path")
                .withHint("give the absolute path of the file to write, e.g. path: /etc/motd"));
        continue;
      }
      if (file.path().indexOf('\0') >= 0) {
        out.accept(
            Finding.error(Code.INVALID_PATH, path, "path contains a NUL byte")
                .withHint(
                    "a file name cannot hold a NUL byte: check the escapes of a quoted path"
                        + " (\"\\0\", \"\\u0000\") or a !!binary one"));
        continue;
      }
      String target = UnixPath.target(file.path());
      if (target.equals("/")) {
        out.accept(
            Finding.error(
                    Code.MISSING_PATH,
                    path,
                    "path \"" + file.path() + "\" is the root directory, not a file")
                .withHint("give the absolute path of the file to write, e.g. path: /etc/motd"));
        continue;
      }
      if (!file.path().startsWith("/")) {
        out.accept(
            Finding.warning(
                    Code.RELATIVE_PATH,
                    path,
                    "path \"" + file.path() + "\" is relative; it is written to \"" + target + "\"")
                .withHint("write the absolute path \"" + target + "\""));
      }
      if (file.path().endsWith("/")) {
        out.accept(
            Finding.warning(
                    Code.INVALID_PATH,
                    path,
                    "path \""
                        + file.path()
                        + "\" ends with \"/\"; it is written as the file \""
                        + target
                        + "\"")
                .withHint(
                    "write_files writes files: drop the trailing \"/\" (the directories above a"
                        + " file are created for it)"));
      }
      if (UnixPath.isAtOrBelow(target, READ_ONLY)) {
        out.accept(
            Finding.error(
                    Code.READ_ONLY_PATH, path, "file cannot be written to a read-only filesystem")
                .withHint(readOnlyHint(target)));
      }
      targets.add(new Target(target, i));
      Integer earlier = firstWriter.putIfAbsent(target, i);
      if (earlier != null && !file.append()) {
        out.accept(
            duplicate(
                context,
                path,
                target,
                "written by",
                earlier,
                "this entry replaces it",
                "merge the two entries, or set append: true to add to the file"));
      }
      if (file.append()) {
        Integer earlierAppend = firstAppender.putIfAbsent(target, i);
        if (earlierAppend != null) {
          out.accept(
              duplicate(
                  context,
                  path,
                  target,
                  "appended to by",
                  earlierAppend,
                  "the appends to one file are added once, in order, as one block",
                  "merge the appends into one entry: a run adds them unless the file already"
                      + " ends with all of them"));
        }
      }
    }
    conflicts(context, targets, firstWriter, out);
  }

  /**
   * The warning at {@code path} that {@code target} is also {@code how} (e.g. "written by") the
   * entry {@code earlier}, saying what {@code follows} from it.
   */
  private static Finding duplicate(
      RuleContext context,
      ConfigPath path,
      String target,
      String how,
      int earlier,
      String follows,
      String hint) {
    return Finding.warning(
            Code.DUPLICATE_PATH,
            path,
            "\""
                + target
                + "\" is also "
                + how
                + " "
                + DisplayPaths.of(context.sources(), ConfigPath.of("write_files", earlier))
                + "; "
                + follows)
        .withHint(hint);
  }

  /**
   * A target that another entry writes below is a directory: writing it as a file fails (or the
   * other entry does), whatever the order.
   */
  private static void conflicts(
      RuleContext context,
      List<Target> targets,
      Map<String, Integer> firstWriter,
      Consumer<Finding> out) {
    Map<String, Target> firstBelow = new HashMap<>();
    for (Target t : targets) {
      for (String dir = parent(t.path()); !dir.equals("/"); dir = parent(dir)) {
        firstBelow.putIfAbsent(dir, t);
      }
    }
    for (Target t : targets) {
      if (SYSTEM_DIRECTORIES.contains(t.path())) {
        out.accept(
            Finding.error(
                    Code.PATH_CONFLICT,
                    ConfigPath.of("write_files", t.index()).key("path"),
                    "\"" + t.path() + "\" is a directory on every system, not a file")
                .withHint("give the path of a file inside it, e.g. " + t.path() + "/example.conf"));
        continue;
      }
      Target below = firstBelow.get(t.path());
      if (below == null || firstWriter.get(t.path()).intValue() != t.index()) {
        continue;
      }
      out.accept(
          Finding.error(
                  Code.PATH_CONFLICT,
                  ConfigPath.of("write_files", t.index()).key("path"),
                  "\""
                      + t.path()
                      + "\" is written as a file, but "
                      + DisplayPaths.of(
                          context.sources(), ConfigPath.of("write_files", below.index()))
                      + " writes \""
                      + below.path()
                      + "\" below it")
              .withHint(
                  "a path is a file or a directory, not both: one of the two entries cannot be"
                      + " written; fix the path of one of them"));
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }

  /** A cleaned write_files target and the index of its entry. */
  private record Target(String path, int index) {}

  private static String readOnlyHint(String target) {
    String name = target.substring(target.lastIndexOf('/') + 1);
    if (UnixPath.isAtOrBelow(target, "/usr/bin")
        || UnixPath.isAtOrBelow(target, "/usr/sbin")
        || UnixPath.isAtOrBelow(target, "/usr/local/bin")) {
      return "/usr is mounted read-only on Container Linux; put programs in /opt/bin (on the"
          + " PATH), e.g. /opt/bin/"
          + name;
    }
    return "/usr is mounted read-only on Container Linux; write under /etc, /opt or /var instead";
  }
}
