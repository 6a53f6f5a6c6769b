package dev.kindling.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A runner fake: some programs exist, every run is recorded with its stdin and succeeds. */
final class FakeProcessRunner implements ProcessRunner {
  final Set<String> programs;
  final List<List<String>> commands = new ArrayList<>();
  final List<String> stdins = new ArrayList<>();

  FakeProcessRunner(String... programs) {
    this.programs = Set.of(programs);
  }

  @Override
  public boolean exists(String program) {
    return programs.contains(program);
  }

  @Override
  public Result run(Command command) {
    commands.add(command.argv());
    stdins.add(command.stdin().toUtf8());
    return new Result(0, "");
  }
}
