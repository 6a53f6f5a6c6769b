package dev.kindling.apply;

import java.util.Set;

/** The action types a second run of the same plan must report unchanged: files and the reload. */
public final class FileActionTypes {
  /** The types, as {@code Action.type()} names them. */
  public static final Set<String> ALL =
      Set.of(
          "write-file",
          "authorize-ssh-keys",
          "import-ssh-keys",
          "merge-environment-file",
          "merge-update-conf",
          "write-etc-hosts",
          "place-unit",
          "place-drop-in",
          "mask-unit",
          "unmask-unit",
          "daemon-reload");

  private FileActionTypes() {}
}
