package dev.kindling.plan;

import dev.kindling.userdata.Shebang;
import dev.kindling.value.Bytes;

/**
 * Plans a script part: it is stored as {@code <workspace>/scripts/<name>} and run once as the
 * transient unit {@code coreos-cloudinit-<name>.service}. The name is the first 16 hex digits of
 * the script's SHA-256, so a second run with the same script rewrites nothing and reuses the unit
 * name (the original used a random temporary name each boot). The applier executes the file itself,
 * so the kernel honours its {@code #!} interpreter (the original always ran {@code /bin/bash}:
 * docs/compatibility.md#scripts-run-with-their-own-interpreter-and-are-awaited); a {@code #!} line
 * without an interpreter is therefore rejected here.
 */
final class ScriptActions {
  private ScriptActions() {}

  static Action plan(Bytes script, String workspace, String subject) {
    if (Shebang.interpreter(script.toUtf8()).isEmpty()) {
      return new RejectedItem(subject, "the script's #! line names no interpreter");
    }
    String name = name(script);
    String directory = GoPath.rooted(workspace) + "/scripts/";
    return new RunScript(
        directory.replace("//", "/") + name, "coreos-cloudinit-" + name + ".service", script);
  }

  /** The deterministic file and unit name of a script. */
  static String name(Bytes script) {
    return Sha256.hex(script.toByteArray()).substring(0, 16);
  }
}
