package dev.kindling.datasource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A {@link CommandRunner} that answers from a script and records every command it was given. */
public final class FakeCommandRunner implements CommandRunner {
  /** Answers one command; may throw as a real runner does. */
  @FunctionalInterface
  public interface Script {
    Result answer(List<String> command) throws IOException;
  }

  private final Script script;
  private final List<List<String>> commands = Collections.synchronizedList(new ArrayList<>());

  public FakeCommandRunner(Script script) {
    this.script = script;
  }

  @Override
  public Result run(List<String> command, Deadline deadline) throws IOException {
    commands.add(List.copyOf(command));
    return script.answer(command);
  }

  /** The commands run so far, in order. */
  public List<List<String>> commands() {
    return List.copyOf(commands);
  }

  public static Result ok(String stdout) {
    return new Result(0, stdout, "");
  }

  public static Result fail(int code, String stderr) {
    return new Result(code, "", stderr);
  }
}
