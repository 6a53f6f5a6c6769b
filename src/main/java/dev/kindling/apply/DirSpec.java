package dev.kindling.apply;

/**
 * How {@link RootFs} creates a missing directory.
 *
 * @param mode permission bits, set exactly (not reduced by the umask)
 * @param owner owner and group of a created directory
 */
public record DirSpec(int mode, Ids owner) {
  /** Parents created by a write: 0755, owned by the writer. */
  public static final DirSpec PARENTS = new DirSpec(0755, Ids.none());

  public DirSpec {
    if (mode < 0 || mode > 07777) {
      throw new IllegalArgumentException("mode out of range: " + Integer.toOctalString(mode));
    }
  }
}
