package dev.kindling.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kindling.datasource.DatasourceType;
import dev.kindling.datasource.registry.Datasources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installed launchers (packaging/bin/kindling and coreos-cloudinit, with
 * packaging/lib/archive.sh) start each command line from the class archive trained on it: run from
 * local sources from kindling-run-local.jsa, which has no HTTP client, every other run from
 * kindling-run.jsa; the coreos-cloudinit launcher as run. A datasource added to {@link
 * Datasources#ALL} goes to the full archive unless it is listed here as local. The launcher runs
 * for real, with a stand-in java that prints its arguments.
 */
class LauncherArchiveTest {
  /** The datasources that read only local files: their runs need no HTTP client. */
  private static final Set<String> LOCAL =
      Set.of("--from-file", "--from-configdrive", "--from-waagent", "--from-vmware-ovf-env");

  private static final Pattern ARCHIVE =
      Pattern.compile("-XX:SharedArchiveFile=[^\\n]*/([^/\\n]+)\\n");

  @TempDir Path dir;
  private Path lib;

  @BeforeEach
  void installTree() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    lib = Files.createDirectories(dir.resolve("lib/kindling"));
    Files.copy(Path.of("packaging/bin/kindling"), bin.resolve("kindling"));
    Files.copy(Path.of("packaging/bin/coreos-cloudinit"), bin.resolve("coreos-cloudinit"));
    Files.copy(Path.of("packaging/lib/archive.sh"), lib.resolve("archive.sh"));
    Path java = Files.createDirectories(lib.resolve("runtime/bin")).resolve("java");
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\"\n");
    Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String archive :
        List.of(
            "kindling.jsa",
            "kindling-validate.jsa",
            "kindling-run.jsa",
            "kindling-run-local.jsa")) {
      Files.createFile(lib.resolve(archive));
    }
  }

  @Test
  void runFromALocalSource_startsFromTheLocalArchive_andFromAnyOtherSource_fromTheFullOne()
      throws Exception {
    for (DatasourceType type : Datasources.ALL) {
      String expected = LOCAL.contains(type.flag()) ? "kindling-run-local.jsa" : "kindling-run.jsa";
      assertThat(archiveFor("run", type.flag(), "/x", "--systemd", "none"))
          .as(type.flag())
          .isEqualTo(expected);
      assertThat(archiveFor("run", "--root", "/r", type.flag() + "=/x"))
          .as(type.flag())
          .isEqualTo(expected);
    }
  }

  @Test
  void aRunThatNamesANetworkSourceToo_startsFromTheFullArchive() throws Exception {
    assertThat(archiveFor("run", "--from-file", "/x", "--from-ec2-metadata", "http://127.0.0.1:9/"))
        .isEqualTo("kindling-run.jsa");
    assertThat(archiveFor("run", "--auto")).isEqualTo("kindling-run.jsa");
    assertThat(archiveFor("run", "--oem", "azure")).isEqualTo("kindling-run.jsa");
    assertThat(archiveFor("run", "--help")).isEqualTo("kindling-run-local.jsa");
  }

  @Test
  void theCoreosCloudinitLauncher_startsFromRunsArchives_byItsSources() throws Exception {
    for (DatasourceType type : Datasources.ALL) {
      String expected = LOCAL.contains(type.flag()) ? "kindling-run-local.jsa" : "kindling-run.jsa";
      String flag = type.flag().substring(1); // its flags take one dash (two work too)
      assertThat(launch("coreos-cloudinit", flag + "=/x")).as(flag).isEqualTo(expected);
      assertThat(launch("coreos-cloudinit", "-validate", flag, "/x")).as(flag).isEqualTo(expected);
      assertThat(launch("coreos-cloudinit", type.flag(), "/x")).as(flag).isEqualTo(expected);
    }
    assertThat(launch("coreos-cloudinit", "-oem=gce")).isEqualTo("kindling-run.jsa");
    assertThat(launch("coreos-cloudinit", "-from-metadata-service")).isEqualTo("kindling-run.jsa");
    assertThat(launch("coreos-cloudinit", "-version")).isEqualTo("kindling-run-local.jsa");
  }

  @Test
  void validate_andEveryOtherCommand_startFromTheirArchives() throws Exception {
    assertThat(archiveFor("validate", "--from-ec2-metadata", "x"))
        .isEqualTo("kindling-validate.jsa");
    assertThat(archiveFor("render", "--from-file", "/x")).isEqualTo("kindling.jsa");
    assertThat(archiveFor("--version")).isEqualTo("kindling.jsa");
    assertThat(archiveFor()).isEqualTo("kindling.jsa");
  }

  @Test
  void aMissingArchive_orAMissingArchiveScript_fallsBackToTheArchiveOfEveryCommand()
      throws Exception {
    Files.delete(lib.resolve("kindling-run-local.jsa"));
    assertThat(archiveFor("run", "--from-file", "/x")).isEqualTo("kindling.jsa");
    assertThat(launch("coreos-cloudinit", "-from-file=/x")).isEqualTo("kindling.jsa");
    Files.move(
        lib.resolve("archive.sh"), dir.resolve("archive.sh"), StandardCopyOption.REPLACE_EXISTING);
    assertThat(archiveFor("validate", "/x")).isEqualTo("kindling.jsa");
  }

  @Test
  void bothLaunchers_sendTheJvmsWarningsToStandardError_notAmongTheirOutput() throws Exception {
    for (String launcher : List.of("kindling", "coreos-cloudinit")) {
      Process process =
          new ProcessBuilder("sh", dir.resolve("bin/" + launcher).toString(), "-validate").start();
      String args = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).isZero();
      assertThat(args.lines()).as(launcher).contains("-Xlog:disable", "-Xlog:all=warning:stderr");
    }
  }

  private String archiveFor(String... args) throws IOException, InterruptedException {
    return launch("kindling", args);
  }

  private String launch(String launcher, String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("sh", dir.resolve("bin/" + launcher).toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    Matcher m = ARCHIVE.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }
}
