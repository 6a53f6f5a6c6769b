package dev.kindling.validate;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.UnixPath;
import dev.kindling.config.WriteFile;
import dev.kindling.config.yaml.ConfigPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where {@code write_files} entries land: every entry needs a path; the target is {@code
 * path.Join("/", path)}, so relative paths are warned about; targets on read-only {@code /usr} are
 * errors (reference §4.3 rule 5, compared by path component: {@code /usrdata} is writable, §14.7);
 * two entries writing the same target are warned about unless the later one appends.
 */
final class WriteFilePathRule implements Rule {
  private static final String READ_ONLY = "/usr";

  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<WriteFile> files = context.config().writeFiles();
    Map<String, Integer> firstWriter = new HashMap<>();
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
      if (UnixPath.isAtOrBelow(target, READ_ONLY)) {
        out.accept(
            Finding.error(
                    Code.READ_ONLY_PATH, path, "file cannot be written to a read-only filesystem")
                .withHint(readOnlyHint(target)));
      }
      Integer earlier = firstWriter.putIfAbsent(target, i);
      if (earlier != null && !file.append()) {
        out.accept(
            Finding.warning(
                    Code.DUPLICATE_PATH,
                    path,
                    "\""
                        + target
                        + "\" is also written by "
                        + DisplayPaths.of(context.sources(), ConfigPath.of("write_files", earlier))
                        + "; this entry replaces it")
                .withHint("merge the two entries, or set append: true to add to the file"));
      }
    }
  }

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
