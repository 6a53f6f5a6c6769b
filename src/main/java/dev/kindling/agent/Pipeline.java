package dev.kindling.agent;

import dev.kindling.analysis.Analysis;
import dev.kindling.analysis.Analyzer;
import dev.kindling.analysis.PartAnalysis;
import dev.kindling.config.Code;
import dev.kindling.config.Severity;
import dev.kindling.metadata.Metadata;
import dev.kindling.metadata.Templater;
import dev.kindling.plan.Plan;
import dev.kindling.plan.PlanInput;
import dev.kindling.plan.PlanOptions;
import dev.kindling.plan.Planner;
import dev.kindling.trace.StartupTrace;
import dev.kindling.userdata.UserData;
import dev.kindling.validate.Entry;
import dev.kindling.validate.FileReport;
import dev.kindling.validate.Validator;
import dev.kindling.value.OneLine;
import dev.kindling.value.Redaction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps {@code render} and {@code run} share between fetching and applying: analyse the user
 * data once (classify, template with the metadata, parse, bind, check: the same analysis {@code
 * validate} reports), log its findings (without values), and plan what it accepted.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private Pipeline() {}

  /**
   * What the pipeline found and planned.
   *
   * @param datasource the datasource's type name
   * @param userData the classified user data
   * @param validation the validator's findings on the user data as delivered
   * @param unresolved template variables that had no value
   * @param inputProblems why (part of) the user data could not be used; only metadata was planned
   *     for it (upstream's soft failure, exit 1 unless --ignore-failure)
   * @param ignition whether the user data is an Ignition config (nothing is done)
   * @param plan the plan
   */
  public record Prepared(
      String datasource,
      UserData userData,
      FileReport validation,
      List<Templater.Unresolved> unresolved,
      List<String> inputProblems,
      boolean ignition,
      Plan plan) {
    public Prepared {
      Objects.requireNonNull(datasource, "datasource");
      unresolved = List.copyOf(unresolved);
      inputProblems = List.copyOf(inputProblems);
    }
  }

  /** Runs the steps on what a datasource delivered. */
  public static Prepared prepare(
      String datasource, byte[] raw, Metadata metadata, Map<String, String> env, PlanOptions opts) {
    StartupTrace.mark("user data and metadata acquired");
    // One analysis, templated with the values run uses (metadata, else COREOS_* variables): the
    // validation report and the plan both come from it.
    Analysis analysis = Analyzer.analyze(raw, Optional.of(withEnvironment(metadata, env)));
    FileReport validation = Validator.report("user-data", analysis);
    for (Entry e : validation.entries()) {
      if (e.finding().code() != Code.UNRESOLVED_VARIABLE) {
        log(e);
      }
    }
    UserData userData = analysis.userData();
    List<String> problems = new ArrayList<>();
    userData.problem().ifPresent(problems::add);
    List<Templater.Unresolved> unresolved = new ArrayList<>();
    if (analysis.isIgnition()) {
      LOG.info("user data is an Ignition config; nothing to do");
      return new Prepared(
          datasource, userData, validation, unresolved, problems, true, new Plan(List.of()));
    }
    List<PlanInput.Part> parts = new ArrayList<>();
    if (userData.kind() == UserData.Kind.EMPTY) {
      LOG.info("user-data is empty; applying metadata only");
    }
    for (PartAnalysis part : analysis.parts()) {
      addPart(part, parts, problems, unresolved);
    }
    if (!metadata.isEmpty() || !parts.isEmpty()) {
      LOG.info("Merging cloud-config from meta-data and user-data");
    }
    Plan plan = Planner.plan(new PlanInput(parts, metadata, opts));
    StartupTrace.mark("analysed and planned");
    return new Prepared(datasource, userData, validation, unresolved, problems, false, plan);
  }

  /** The metadata with each missing address taken from its COREOS_* environment variable. */
  public static Metadata withEnvironment(Metadata m, Map<String, String> env) {
    return new Metadata(
        m.instanceId(),
        m.hostname(),
        Templater.value("public_ipv4", m, env),
        Templater.value("private_ipv4", m, env),
        Templater.value("public_ipv6", m, env),
        Templater.value("private_ipv6", m, env),
        m.sshPublicKeys(),
        m.networkConfig());
  }

  /** The plan input of one analysed part, and what keeps it from being applied. */
  private static void addPart(
      PartAnalysis part,
      List<PlanInput.Part> parts,
      List<String> problems,
      List<Templater.Unresolved> unresolved) {
    String label = part.label();
    Set<String> said = new HashSet<>();
    for (Templater.Unresolved u : part.unresolved()) {
      if (!said.add(u.line() + " " + u.variable())) {
        continue; // one line per variable and line, however often it occurs there
      }
      LOG.warn(
          "{} line {}: ${} has no value in the metadata nor in COREOS_{}; substituted by \"\"",
          label,
          u.line(),
          u.variable(),
          u.variable().toUpperCase(Locale.ROOT));
    }
    unresolved.addAll(part.unresolved());
    part.problem().ifPresent(problems::add);
    switch (part.kind()) {
      case EMPTY -> LOG.info("{} is empty; applying metadata only", label);
      case IGNITION -> LOG.info("{} is an Ignition config; ignored", label);
      case SCRIPT -> {
        LOG.info("Parsing user-data as script");
        boolean once =
            part.part()
                .map(UserData.Part::contentType)
                .filter(t -> t.endsWith("-per-instance") || t.endsWith("-per-once"))
                .isPresent();
        part.script().ifPresent(s -> parts.add(new PlanInput.ScriptPart(label, s, once)));
        part.rejection().ifPresent(r -> parts.add(new PlanInput.RejectedPart(label, r)));
      }
      case CLOUD_CONFIG -> {
        LOG.info("Parsing user-data as cloud-config");
        part.config().ifPresent(c -> parts.add(new PlanInput.ConfigPart(label, c)));
      }
      case INCLUDE ->
          // The agent resolves includes when it fetches the user data; one that reaches this
          // point came from elsewhere (the web page's render) and was not fetched.
          LOG.info("{} is an #include file; its URLs are fetched only from a datasource", label);
      case MULTIPART, UNKNOWN -> {}
    }
  }

  private static void log(Entry e) {
    // The log level says the severity: "WARN user-data line 3:1: unrecognized key ...".
    String line =
        "user-data line "
            + e.finding().position().map(p -> p.line() + ":" + p.column()).orElse("0")
            + ": "
            + OneLine.escape(
                Redaction.message(e.finding().message(), e.finding().path().segments()))
            + " ["
            + e.finding().code().id()
            + "]";
    if (e.finding().severity() == Severity.ERROR) {
      LOG.error("{}", line);
    } else if (e.finding().severity() == Severity.WARNING) {
      LOG.warn("{}", line);
    } else {
      LOG.info("{}", line);
    }
  }
}
