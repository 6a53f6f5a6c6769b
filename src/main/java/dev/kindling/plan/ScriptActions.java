package dev.kindling.plan;

import dev.kindling.value.Bytes;
import dev.kindling.value.Sha256;

/**
 * Plans a script part: it is stored as {@code <workspace>/scripts/<name>} and run once as the
 * transient unit {@code coreos-cloudinit-<name>.service}. The name is the first 16 hex digits of
 * the script's SHA-256, so a second run with the same script rewrites nothing and reuses the unit
 * name (the original used a random temporary name each boot). The applier executes the file itself,
 * so the kernel honours its {@code #!} interpreter (the original always ran {@code /bin/bash}:
 * docs/compatibility.md#scripts-run-with-their-own-interpreter-and-are-awaited); a script whose
 * {@code #!} line names no interpreter is rejected by the analysis and never reaches the planner.
 */
final class ScriptActions {
  private ScriptActions() {}

  static Action plan(Bytes script, String workspace, boolean oncePerInstance) {
    String name = name(script);
    String directory = GoPath.rooted(workspace) + "/scripts/";
    return new RunScript(
        directory.replace("//", "/") + name,
        "coreos-cloudinit-" + name + ".service",
        script,
        oncePerInstance);
  }

  /** The deterministic file and unit name of a script. */
  static String name(Bytes script) {
    return Sha256.hex(script.toByteArray()).substring(0, 16);
  }
}
