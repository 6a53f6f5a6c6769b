package dev.kindling.apply;

import java.util.ArrayList;
import java.util.List;

/**
 * A runner that runs nothing: it records each command line (for {@code render} and tests) and
 * reports success. Standard input is not recorded: it may hold a password hash.
 */
public final class RecordingProcessRunner implements ProcessRunner {
  private final List<List<String>> commands = new ArrayList<>();

  @Override
  public boolean exists(String program) {
    return false;
  }

  @Override
  public Result run(Command command) {
    commands.add(command.argv());
    return new Result(0, "");
  }

  /** The recorded command lines, in order. */
  public List<List<String>> commands() {
    return List.copyOf(commands);
  }
}
