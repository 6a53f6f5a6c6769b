package dev.kindling.analysis.rules;

import dev.kindling.config.Code;
import dev.kindling.config.Finding;
import dev.kindling.config.Permissions;
import dev.kindling.config.WriteFile;
import dev.kindling.config.yaml.ConfigPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code write_files[].permissions} that are valid octal but probably not what was meant: a decimal
 * rendering of a common mode ({@code 420} is 0644 in decimal, but reads as 0420:
 * docs/compatibility.md#decimal-looking-permissions-are-flagged), and setuid, setgid or sticky
 * bits, which Kindling keeps while coreos-cloudinit dropped them. Invalid texts are the binder's
 * {@code invalid-value} findings.
 */
final class PermissionsRule implements Rule {
  @Override
  public void check(RuleContext context, Consumer<Finding> out) {
    List<WriteFile> files = context.config().writeFiles();
    for (int i = 0; i < files.size(); i++) {
      String raw = files.get(i).permissions();
      Optional<Integer> mode = Permissions.parse(raw);
      if (raw.isEmpty() || mode.isEmpty()) {
        continue;
      }
      ConfigPath path = ConfigPath.of("write_files", i, "permissions");
      Optional<Integer> meant = Permissions.probablyDecimal(raw);
      if (meant.isPresent()) {
        out.accept(
            Finding.warning(
                    Code.DECIMAL_PERMISSIONS,
                    path,
                    "permissions "
                        + raw
                        + " mean "
                        + Permissions.octal(mode.get())
                        + " ("
                        + Permissions.symbolic(mode.get())
                        + ")")
                .withHint(
                    "did you mean "
                        + Permissions.octal(meant.get())
                        + "? "
                        + raw
                        + " is "
                        + Permissions.octal(meant.get())
                        + " written in decimal (a YAML tool may have converted it); write"
                        + " \""
                        + Permissions.octal(meant.get())
                        + "\" in quotes"));
      }
      int special = mode.get() & 07000;
      if (special != 0) {
        out.accept(
            Finding.info(
                    Code.SPECIAL_PERMISSIONS,
                    path,
                    "permissions "
                        + raw
                        + " set "
                        + specialBits(special)
                        + " ("
                        + Permissions.symbolic(mode.get())
                        + "); Kindling keeps "
                        + (Integer.bitCount(special) == 1 ? "it" : "them"))
                .withHint(
                    "coreos-cloudinit silently dropped setuid, setgid and sticky bits; remove"
                        + " them if the file should not have them"));
      }
    }
  }

  private static String specialBits(int special) {
    List<String> names = new ArrayList<>();
    if ((special & 04000) != 0) {
      names.add("setuid");
    }
    if ((special & 02000) != 0) {
      names.add("setgid");
    }
    if ((special & 01000) != 0) {
      names.add("sticky");
    }
    return "the " + String.join(" and ", names) + (names.size() == 1 ? " bit" : " bits");
  }
}
